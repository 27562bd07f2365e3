using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.Cloudflared;

/// <summary>The tunnel's own checks, run with the model's validation: a mode that exists, and a local tunnel's values.</summary>
internal static class CloudflaredChecks
{
    public static IEnumerable<string> Check(ModelCheckContext context, CloudflaredResource tunnel)
    {
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
