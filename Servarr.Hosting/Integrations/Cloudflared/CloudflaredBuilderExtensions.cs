using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds the Cloudflare tunnel.</summary>
public static class CloudflaredBuilderExtensions
{
    /// <summary>The metrics port; <c>/ready</c> there answers 200 once the tunnel is connected.</summary>
    public const int MetricsPort = 2000;

    /// <summary>
    /// Adds cloudflared running the remotely-managed tunnel of <paramref name="tunnelToken"/>. The image is distroless
    /// (no shell, no curl), so its health check is cloudflared's own <c>tunnel ready</c> against the metrics server.
    /// </summary>
    /// <example>
    /// <code>
    /// var cloudflared = builder.AddCloudflared("cloudflared", tunnelToken).WaitFor(plex);
    /// </code>
    /// </example>
    public static IResourceBuilder<CloudflaredResource> AddCloudflared(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> tunnelToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tunnelToken);
        return builder.AddResource(new CloudflaredResource(name))
            .WithImage($"{CloudflaredContainerImageTags.Registry}/{CloudflaredContainerImageTags.Image}", CloudflaredContainerImageTags.Tag)
            .WithArgs("tunnel", "run")
            .WithHttpEndpoint(targetPort: MetricsPort, name: CloudflaredResource.PrimaryEndpointName)
            .WithEnvironment("TUNNEL_TOKEN", tunnelToken)
            .WithEnvironment("TUNNEL_METRICS", $"0.0.0.0:{MetricsPort}")
            .WithHttpHealthCheck("/ready", CloudflaredResource.PrimaryEndpointName)
            .WithContainerHealthCheck(["cloudflared", "tunnel", "--metrics", $"127.0.0.1:{MetricsPort}", "ready"],
                interval: TimeSpan.FromSeconds(10));
    }
}
