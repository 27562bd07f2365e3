using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Admin UIs reachable from the server itself (and SSH tunnels) in published deployments.</summary>
public static class LoopbackPortBuilderExtensions
{
    /// <summary>
    /// Binds <paramref name="endpointName"/> to the host's <c>127.0.0.1:&lt;hostPort&gt;</c> in published deployments
    /// (compose), by default on the endpoint's own port, so you reach the app's admin UI over SSH
    /// (<c>ssh -L 8989:127.0.0.1:8989 you@server</c>, then http://localhost:8989) and it is on no other interface.
    /// Calling it again for the same endpoint replaces the port.
    /// </summary>
    /// <example><code>builder.AddSonarr("sonarr", host).WithLoopbackPort();            // 127.0.0.1:8989
    /// builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1.6.0-ls360").WithHttpEndpoint(targetPort: 6767).WithLoopbackPort(hostPort: 16767);</code></example>
    public static IResourceBuilder<T> WithLoopbackPort<T>(this IResourceBuilder<T> builder, string endpointName = "http", int? hostPort = null)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        var call = $".WithLoopbackPort({InputChecks.Quote(endpointName)}{(hostPort is { } p ? $", hostPort: {p}" : "")})";
        if (builder.Resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == endpointName) is not { } endpoint)
        {
            return InputChecks.Refuse(builder, call, $"it has no endpoint '{endpointName}'; add it (WithHttpEndpoint) before WithLoopbackPort, or name one it has");
        }

        if ((hostPort ?? endpoint.TargetPort) is not { } port)
        {
            return InputChecks.Refuse(builder, call, $"endpoint '{endpointName}' has no target port; pass hostPort");
        }

        if (InputChecks.TryCreate(builder, call, () => new LoopbackPortAnnotation(endpointName, port)) is not { } annotation)
        {
            return builder;
        }

        foreach (var old in builder.Resource.Annotations.OfType<LoopbackPortAnnotation>().Where(a => a.EndpointName == endpointName).ToList())
        {
            builder.Resource.Annotations.Remove(old);
        }

        return builder.WithAnnotation(annotation);
    }
}
