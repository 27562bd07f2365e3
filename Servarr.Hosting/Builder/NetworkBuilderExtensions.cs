using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Networks, and sharing a VPN gateway's network namespace.</summary>
public static class NetworkBuilderExtensions
{
    /// <summary>Adds a user-defined bridge network.</summary>
    /// <example><code>var edge = builder.AddNetwork("edge");</code></example>
    public static IResourceBuilder<NetworkResource> AddNetwork(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A zone is Servarr's (compose networks, Kubernetes policies); Aspire's manifest has no network resource.
        // In run mode Aspire attaches every container to its one session network, so a zone is hidden from the dashboard.
        return builder.AddResource(new NetworkResource(name)).ExcludeFromManifest()
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "Network", Properties = [], IsHidden = true });
    }

    /// <summary>Joins <paramref name="network"/>. Apps behind a VPN cannot: they live in the gateway's namespace.</summary>
    /// <example><code>cloudflared.WithNetwork(edge);</code></example>
    public static IResourceBuilder<T> WithNetwork<T>(this IResourceBuilder<T> builder, IResourceBuilder<NetworkResource> network)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        return builder.WithAnnotation(new NetworkAttachmentAnnotation(network.Resource));
    }

    /// <summary>
    /// Puts the app inside the VPN gateway's network namespace (compose <c>network_mode: service:gluetun</c>): all its
    /// traffic goes through the tunnel, its ports are published on the gateway, other apps reach it at
    /// <c>http://gluetun:&lt;port&gt;</c>, and it starts once the gateway is healthy.
    /// </summary>
    /// <example><code>builder.AddQBittorrent("qbittorrent").WithVpn(gluetun);</code></example>
    public static IResourceBuilder<T> WithVpn<T>(this IResourceBuilder<T> builder, IResourceBuilder<ContainerResource> gateway)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gateway);
        return builder
            .WithAnnotation(new VpnAnnotation(gateway.Resource), ResourceAnnotationMutationBehavior.Replace)
            .WithAnnotation(new WaitAnnotation(gateway.Resource, WaitType.WaitUntilHealthy));
    }
}
