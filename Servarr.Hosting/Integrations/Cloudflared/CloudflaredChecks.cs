using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.Cloudflared;

/// <summary>
/// The tunnel's own checks, run with the model's validation: a mode that exists, a local tunnel's values, and a wait for
/// every app it publishes that shows a setup wizard until Servarr configures it (<see cref="SetupWizardAnnotation"/>).
/// </summary>
internal static class CloudflaredChecks
{
    public static IEnumerable<string> Check(ModelCheckContext context, CloudflaredResource tunnel)
    {
        var waitsFor = tunnel.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var app in context.Model.Containers.Where(c => c.Annotations.OfType<PublicHostnameAnnotation>().Any()
            && c.TryGetLastAnnotation<SetupWizardAnnotation>(out _) && !waitsFor.Contains(c.Name)))
        {
            var wizard = app.Annotations.OfType<SetupWizardAnnotation>().Last();
            yield return $"routes public hostname '{app.Annotations.OfType<PublicHostnameAnnotation>().First().Subdomain}' to '{app.Name}' before Servarr has set it up, so its setup wizard ({wizard.Path}) would be open to the internet; add .WaitFor({app.Name}) to the tunnel";
        }

        if (tunnel.TryGetLastAnnotation<CloudflaredModeProblem>(out var problem))
        {
            yield return problem.Message;
        }
        else if (tunnel.Mode is null)
        {
            yield return "has no tunnel; add .WithRemoteTunnel(tunnelToken) or .WithLocalTunnel(tunnelId, host)";
        }
        else if (tunnel.Mode == CloudflaredTunnelMode.Local
            && (context.ExecutionContext.IsRunMode || context.Publisher is "compose" or "kubernetes"))
        {
            foreach (var (parameter, what) in new[] { (tunnel.Domain, "names every public hostname under"), (tunnel.TunnelId, "names the tunnel by") })
            {
                if (parameter is not null && string.IsNullOrWhiteSpace(context.Parameters.Resolve(parameter).Value))
                {
                    yield return $"the local tunnel's config.yml {what} parameter '{parameter.Name}', which has no value; set {parameter.ConfigurationKey} in Servarr.AppHost/appsettings.json";
                }
            }
        }
    }
}
