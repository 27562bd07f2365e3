using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Public hostnames point at an HTTP endpoint the resource has, and no two resources claim the same one; a tunnel has a
/// mode, and a local one can write its config.yml (the domain has a value).
/// </summary>
internal static class EdgeRules
{
    public static void Check(ValidationContext context)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in context.Model.Containers)
        {
            foreach (var hostname in container.Annotations.OfType<PublicHostnameAnnotation>())
            {
                var endpoint = container.FindEndpoint(hostname.EndpointName);
                if (endpoint is null || endpoint.UriScheme is not ("http" or "https"))
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' uses endpoint '{hostname.EndpointName}', which is not an HTTP endpoint it has; pass endpointName: one of its HTTP endpoints");
                }

                if (claimed.TryGetValue(hostname.Subdomain, out var other))
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' is also claimed by '{other}'; choose another subdomain");
                }
                else
                {
                    claimed[hostname.Subdomain] = container.Name;
                }
            }
        }

        foreach (var tunnel in context.Model.Containers.OfType<CloudflaredResource>())
        {
            CheckTunnel(context, tunnel);
        }
    }

    private static void CheckTunnel(ValidationContext context, CloudflaredResource tunnel)
    {
        if (tunnel.TryGetLastAnnotation<CloudflaredModeProblem>(out var problem))
        {
            context.Report(tunnel, problem.Message);
        }
        else if (tunnel.Mode is null)
        {
            context.Report(tunnel, "has no tunnel; add .WithRemoteTunnel(tunnelToken) or .WithLocalTunnel(tunnelId, host)");
        }
        else if (tunnel.Mode == CloudflaredTunnelMode.Local
            && (context.ExecutionContext.IsRunMode || context.Publisher?.Contains("compose", StringComparison.Ordinal) == true
                || context.Publisher?.Contains("kubernetes", StringComparison.Ordinal) == true))
        {
            foreach (var (parameter, what) in new[] { (tunnel.Domain, "names every public hostname under"), (tunnel.TunnelId, "names the tunnel by") })
            {
                if (parameter is not null && string.IsNullOrWhiteSpace(context.Parameters.Resolve(parameter).Value))
                {
                    context.Report(tunnel, $"the local tunnel's config.yml {what} parameter '{parameter.Name}', which has no value; set {parameter.ConfigurationKey} in Servarr.AppHost/appsettings.json");
                }
            }
        }
    }
}
