using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Endpoints: the ports an app listens on, and which of them the host publishes.</summary>
public static class EndpointBuilderExtensions
{
    /// <summary>
    /// Adds an HTTP endpoint on container port <paramref name="targetPort"/>. A host port is published only when
    /// <paramref name="port"/> is given.
    /// </summary>
    /// <example>
    /// <code>
    /// sonarr.WithHttpEndpoint(targetPort: 8989);             // reachable inside the stack only
    /// plex.WithHttpEndpoint(port: 32400, targetPort: 32400); // also on the host
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null,
        string name = "http") where T : IResourceWithEndpoints =>
        builder.WithEndpoint(port, targetPort, scheme: "http", name: name);

    /// <summary>Adds an endpoint of any scheme and protocol.</summary>
    /// <example>
    /// <code>
    /// qbittorrent.WithEndpoint(targetPort: 6881, scheme: "udp", name: "torrent-udp", protocol: EndpointProtocol.Udp);
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null,
        string scheme = "tcp", string? name = null, bool isExternal = false, EndpointProtocol protocol = EndpointProtocol.Tcp)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EndpointAnnotation(name ?? scheme, scheme, protocol, targetPort, port, isExternal));
    }

    /// <summary>Marks every HTTP endpoint external (manifest <c>external: true</c>): the app is meant to be reached from outside.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var endpoint in builder.Resource.GetEndpoints().Where(e => e.Scheme is "http" or "https"))
        {
            var index = builder.Resource.Annotations.IndexOf(endpoint);
            builder.Resource.Annotations[index] = new EndpointAnnotation(endpoint.Name, endpoint.Scheme, endpoint.Protocol,
                endpoint.TargetPort, endpoint.Port, isExternal: true);
        }

        return builder;
    }

    /// <summary>A reference to endpoint <paramref name="name"/>, for <c>WithEnvironment</c> and <c>WithReference</c>.</summary>
    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name = "http") where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new EndpointReference(builder.Resource, name);
    }
}
