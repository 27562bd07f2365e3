using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>Endpoints have a container port; host ports are not taken twice; apps in one VPN namespace do not share a port.</summary>
internal static class EndpointRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            foreach (var endpoint in container.GetEndpointAnnotations().Where(e => e.TargetPort is null))
            {
                context.Report(container, $"endpoint '{endpoint.Name}' has no target port; pass targetPort: <the port the app listens on>");
            }

            // Aspire's EndpointAnnotation takes any number; Docker, compose and Kubernetes take 1-65535.
            foreach (var (endpoint, kind, port) in container.GetEndpointAnnotations()
                .SelectMany(e => new[] { (e, "target port", e.TargetPort), (e, "host port", e.Port) })
                .Where(x => x.Item3 is < 1 or > 65535))
            {
                context.Report(container, $"endpoint '{endpoint.Name}' has {kind} {port}, outside 1-65535; pass a port the app can listen on");
            }

            var checkedEndpoints = container.Annotations.OfType<HttpHealthCheckAnnotation>().Select(h => h.EndpointName)
                .Concat(container.Annotations.OfType<TcpHealthCheckAnnotation>().Select(t => t.EndpointName));
            foreach (var missing in checkedEndpoints.Where(n => container.FindEndpoint(n) is null).Distinct())
            {
                context.Report(container, $"its health check uses endpoint '{missing}', which it does not have; add WithHttpEndpoint(name: \"{missing}\") or check an endpoint it has");
            }
        }

        var published = context.Model.Containers
            .SelectMany(c => c.GetEndpointAnnotations().Where(e => e.Port is not null).Select(e => (Resource: c, Endpoint: e)))
            .GroupBy(x => (x.Endpoint.Port, x.Endpoint.Protocol));
        foreach (var group in published.Where(g => g.Select(x => x.Resource).Distinct().Count() > 1 || g.Count() > 1))
        {
            var owners = group.Select(x => $"{x.Resource.Name}.{x.Endpoint.Name}").ToList();
            context.Report(group.First().Resource, $"host port {group.Key.Port}/{Protocol(group.Key.Protocol)} is published by {string.Join(" and ", owners)}; give each a different port: or drop it");
        }

        var namespaces = new NetworkNamespaces(context.Model);
        foreach (var group in namespaces.Shared.Where(g => g.Key is ContainerResource))
        {
            var gateway = (ContainerResource)group.Key;
            var listeners = namespaces.Listeners(gateway).Where(x => x.Endpoint.TargetPort is not null).Select(x => (Resource: x.Owner, x.Endpoint));
            foreach (var clash in listeners.GroupBy(x => (x.Endpoint.TargetPort, x.Endpoint.Protocol)).Where(g => g.Select(x => x.Resource).Distinct().Count() > 1))
            {
                var apps = clash.Select(x => x.Resource.Name).Distinct().ToList();
                context.Report(apps[^1], $"listens on port {clash.Key.TargetPort}/{Protocol(clash.Key.Protocol)} like {string.Join(", ", apps.SkipLast(1))} in the VPN namespace of '{gateway.Name}'; apps sharing a namespace need distinct ports: move one app to another port (its own setting, e.g. WEBUI_PORT, and targetPort)");
            }
        }
    }

    private static string Protocol(System.Net.Sockets.ProtocolType protocol) => protocol == System.Net.Sockets.ProtocolType.Udp ? "udp" : "tcp";
}
