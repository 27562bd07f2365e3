using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Cloudflared;

namespace Servarr.Hosting;

/// <summary>Adds the Cloudflare tunnel, with its ingress rules kept in Cloudflare (token) or in a local config.yml.</summary>
public static class CloudflaredBuilderExtensions
{
    /// <summary>The metrics port; <c>/ready</c> there answers 200 once the tunnel is connected.</summary>
    public const int MetricsPort = 2000;

    /// <summary>
    /// The uid cloudflared runs as: the image is distroless <c>nonroot</c> (cloudflare/cloudflared@2026.8.2: Dockerfile,
    /// <c>USER nonroot</c>), so the 0400 credentials file that <c>cloudflared tunnel create</c> writes must belong to it.
    /// </summary>
    public const int ImageUserId = 65532;

    /// <summary>The value of the tunnel-mode parameter that selects <see cref="CloudflaredTunnelMode.Local"/>.</summary>
    public const string LocalModeValue = "local";

    /// <summary>The value of the tunnel-mode parameter that selects <see cref="CloudflaredTunnelMode.Remote"/>.</summary>
    public const string RemoteModeValue = "remote";

    /// <summary>
    /// Adds cloudflared for public hostnames under <paramref name="domain"/> (see <c>WithPublicHostname</c>). The image
    /// is distroless (no shell, no curl), so its health check is cloudflared's own <c>tunnel ready</c> against the metrics
    /// server. Choose the tunnel with <see cref="WithTunnel"/>, <see cref="WithRemoteTunnel"/> or <see cref="WithLocalTunnel"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var cloudflared = builder.AddCloudflared("cloudflared", domain).WithRemoteTunnel(tunnelToken);
    /// </code>
    /// </example>
    public static IResourceBuilder<CloudflaredResource> AddCloudflared(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> domain)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(domain);
        return builder.AddResource(new CloudflaredResource(name, domain.Resource))
            .WithAnnotation(new OptionalFeatureAnnotation("the tunnel"))
            .WithAnnotation(new ModelCheckAnnotation(context => CloudflaredChecks.Check(context, (CloudflaredResource)context.Model.Find(name)!)))
            .WithImage($"{CloudflaredContainerImageTags.Registry}/{CloudflaredContainerImageTags.Image}", CloudflaredContainerImageTags.Tag)
            // USER 65532:65532 on distroless nonroot, outbound only: no capability (cloudflare/cloudflared Dockerfile @ 2026.8.2; docs/upstream/capabilities.md §8)
            .WithOnlyCapabilities()
            .WithAnnotation(new ImageUserAnnotation(ImageUserId, ImageUserId))
            .WithHttpEndpoint(targetPort: MetricsPort, name: CloudflaredResource.PrimaryEndpointName)
            .WithEnvironment("TUNNEL_METRICS", "0.0.0.0:" + MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // ssh.<domain> and other origins on the host itself: Docker defines host.docker.internal only on Desktop engines.
            .WithAnnotation(new HostAliasAnnotation("host.docker.internal", "host-gateway"))
            .WithHealthPath("/ready", CloudflaredResource.PrimaryEndpointName)
            .WithContainerHealthCheck(["cloudflared", "tunnel", "--metrics", $"127.0.0.1:{MetricsPort}", "ready"],
                interval: TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Lets parameter <paramref name="mode"/> choose the tunnel when the model is built: <c>remote</c> (the default) runs
    /// the remotely-managed tunnel of <paramref name="tunnelToken"/>; <c>local</c> runs tunnel <paramref name="tunnelId"/>
    /// with the ingress rules written from the model and its credentials file from the config root. Change the value and
    /// run or publish again.
    /// </summary>
    /// <example>
    /// <code>
    /// // appsettings.json: "Parameters": { "tunnel-mode": "local", "tunnel-id": "6ff42ae2-..." }
    /// builder.AddCloudflared("cloudflared", domain).WithTunnel(tunnelMode, tunnelToken, tunnelId, host);
    /// </code>
    /// </example>
    public static IResourceBuilder<CloudflaredResource> WithTunnel(this IResourceBuilder<CloudflaredResource> builder,
        IResourceBuilder<ParameterResource> mode, IResourceBuilder<ParameterResource> tunnelToken,
        IResourceBuilder<ParameterResource> tunnelId, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mode);
        var value = mode.Resource.BuildTimeValue(builder.ApplicationBuilder.Configuration) ?? RemoteModeValue;
        return value.Trim().ToLowerInvariant() switch
        {
            RemoteModeValue => builder.WithRemoteTunnel(tunnelToken),
            LocalModeValue => builder.WithLocalTunnel(tunnelId, host),
            _ => builder.WithAnnotation(new CloudflaredModeProblem(
                $"parameter '{mode.Resource.Name}' is '{value}'; set {mode.Resource.ConfigurationKey} to '{RemoteModeValue}' (token, ingress kept in Cloudflare) or '{LocalModeValue}' (config.yml from the model)")),
        };
    }

    /// <summary>Runs the remotely-managed tunnel of <paramref name="tunnelToken"/>; its ingress rules live in Cloudflare.</summary>
    /// <example><code>builder.AddCloudflared("cloudflared", domain).WithRemoteTunnel(tunnelToken);</code></example>
    public static IResourceBuilder<CloudflaredResource> WithRemoteTunnel(this IResourceBuilder<CloudflaredResource> builder,
        IResourceBuilder<ParameterResource> tunnelToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tunnelToken);
        SetMode(builder, CloudflaredTunnelMode.Remote);
        return builder.WithArgs("tunnel", "run").WithEnvironment("TUNNEL_TOKEN", tunnelToken);
    }

    /// <summary>
    /// Runs locally-managed tunnel <paramref name="tunnelId"/>: Servarr writes <c>config.yml</c> with one ingress rule per
    /// public hostname (model order, <c>http_status:404</c> last) and mounts it with the credentials file
    /// <c>&lt;config root&gt;/&lt;name&gt;/credentials.json</c> (from <c>cloudflared tunnel create</c>), both read-only.
    /// </summary>
    /// <example><code>builder.AddCloudflared("cloudflared", domain).WithLocalTunnel(tunnelId, host);</code></example>
    public static IResourceBuilder<CloudflaredResource> WithLocalTunnel(this IResourceBuilder<CloudflaredResource> builder,
        IResourceBuilder<ParameterResource> tunnelId, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tunnelId);
        ArgumentNullException.ThrowIfNull(host);
        SetMode(builder, CloudflaredTunnelMode.Local);
        var folder = host.ConfigFolder(builder.Resource.Name);
        var domain = builder.Resource.Domain;
        builder.Resource.TunnelId = tunnelId.Resource;
        return builder
            .WithArgs("tunnel", "--config", CloudflaredIngress.ConfigPath, "run")
            .WithAnnotation(new SecretFileReaderAnnotation(ImageUserId), ResourceAnnotationMutationBehavior.Replace)
            .WithAnnotation(new ServarrMountAnnotation(ServarrExpressions.FromParts([.. folder.Parts, "/credentials.json"]),
                CloudflaredIngress.CredentialsPath, ContainerMountType.BindMount, isReadOnly: true, ContainerMountPurpose.SecretFile))
            .WithAnnotation(new GeneratedFileAnnotation(ServarrExpressions.FromParts([.. folder.Parts, "/config.yml"]), CloudflaredIngress.ConfigPath,
                context => CloudflaredIngress.RenderConfig(CloudflaredIngress.Rules(context.Model, context.Value(domain)), context.Value(tunnelId.Resource)),
                [domain, tunnelId.Resource]));
    }

    private static void SetMode(IResourceBuilder<CloudflaredResource> builder, CloudflaredTunnelMode mode)
    {
        if (builder.Resource.Mode is { } existing)
        {
            throw new ServarrException($"resource '{builder.Resource.Name}': the tunnel is already {existing.ToString().ToLowerInvariant()}; call WithRemoteTunnel or WithLocalTunnel once");
        }

        builder.Resource.Mode = mode;
    }
}
