using k8s;
using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Traefik routes from the model. Plex: an <c>IngressRoute</c> for browsers at <see cref="KubernetesOptions.PlexHost"/>,
/// and an <c>IngressRouteTCP</c> on the dedicated <c>plex</c> entryPoint (port 32400) with <c>tls.passthrough</c>, because
/// Plex apps connect to <c>https://&lt;ip&gt;.&lt;hash&gt;.plex.direct:32400</c> and check Plex's own certificate —
/// Traefik must not terminate that TLS. Seerr, Wizarr and Uptime Kuma (the status page) get HTTP routes at
/// <c>&lt;name&gt;.&lt;domain&gt;</c>.
/// </summary>
public static class TraefikRoutes
{
    /// <summary>The Traefik entryPoint that carries Plex's TLS untouched.</summary>
    public const string PlexEntryPoint = "plex";

    /// <summary>The snippet for the Traefik Helm chart's values that adds the <c>plex</c> entryPoint on 32400.</summary>
    public const string HelmValues =
        "# Add to the values of the Traefik Helm chart (helm upgrade traefik traefik/traefik -f traefik-values.yaml):\n"
        + "# a TCP entryPoint on 32400 for Plex apps, whose TLS Traefik passes through to Plex.\n"
        + "ports:\n"
        + "  plex:\n"
        + "    port: 32400\n"
        + "    exposedPort: 32400\n"
        + "    expose:\n"
        + "      default: true\n"
        + "    protocol: TCP\n";

    /// <summary>The routes for <paramref name="model"/>.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> For(DistributedApplicationModel model, KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var routes = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var plex in model.Containers.OfType<PlexResource>())
        {
            var port = plex.FindEndpoint("http")?.TargetPort ?? PlexBuilderExtensions.PlexPort;
            routes.Add(Http(plex.Name, options.PlexHost, port, options));
            routes.Add(new TraefikIngressRouteTcp
            {
                Metadata = Meta($"{plex.Name}-tls-passthrough", options),
                Spec = new TraefikRouteSpec
                {
                    EntryPoints = [PlexEntryPoint],
                    Routes =
                    [
                        new TraefikRoute
                        {
                            Match = options.PlexSni == "plex.direct" ? "HostSNIRegexp(`^.+\\.plex\\.direct$`)" : "HostSNI(`*`)",
                            Services = [new TraefikService { Name = plex.Name, Port = port }],
                        },
                    ],
                    Tls = new TraefikTls { Passthrough = true },
                },
            });
        }

        // Every other public hostname of the model, at <subdomain>.<Kubernetes:Domain>, to the Service that answers for it.
        foreach (var app in model.Containers.Where(c => c is not PlexResource))
        {
            foreach (var hostname in app.Annotations.OfType<PublicHostnameAnnotation>())
            {
                if (app.FindEndpoint(hostname.EndpointName) is { TargetPort: { } port })
                {
                    routes.Add(Http(app.GetNetworkHost(), $"{hostname.Subdomain}.{options.Domain}", port, options, app.Name,
                        app.Annotations.OfType<PublicPathAnnotation>().LastOrDefault()?.Pattern));
                }
            }
        }

        return routes;
    }

    private static TraefikIngressRoute Http(string service, string host, int port, KubernetesOptions options, string? name = null, string? path = null) => new()
    {
        Metadata = Meta(name ?? service, options),
        Spec = new TraefikRouteSpec
        {
            // websecure unless Kubernetes:EntryPoints asks for more: the chart terminates TLS there by default
            // (traefik/traefik-helm-chart@v41.3.0:traefik/values.yaml — ports.websecure.http.tls.enabled: true) and does
            // not redirect web to it (ports.web.http.redirections.entryPoint: {}), so web would serve plain HTTP.
            EntryPoints = [.. options.EntryPoints],
            // Traefik v3's PathRegexp takes a Go regular expression, as cloudflared's path does; other paths get Traefik's 404.
            Routes = [new TraefikRoute { Match = path is null ? $"Host(`{host}`)" : $"Host(`{host}`) && PathRegexp(`{path}`)", Kind = "Rule", Services = [new TraefikService { Name = service, Port = port }] }],
        },
    };

    /// <summary>The pods Traefik sends traffic to (Plex and every public hostname's), by their Service name.</summary>
    public static IReadOnlyList<string> RoutedPods(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Containers.Where(c => c is PlexResource || c.Annotations.OfType<PublicHostnameAnnotation>().Any())
            .Select(c => c.GetNetworkHost()).Distinct().ToList();
    }

    private static V1ObjectMeta Meta(string name, KubernetesOptions options) => new() { Name = name, NamespaceProperty = options.Namespace };
}
