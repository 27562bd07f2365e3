using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Maintainerr.</summary>
public static class MaintainerrBuilderExtensions
{
    /// <summary>The port Maintainerr listens on.</summary>
    public const int MaintainerrPort = 6246;

    /// <summary>
    /// Adds Maintainerr running as PUID:PGID with its data under the config root; the image's own health check
    /// (<c>/api/health/ready</c>) is kept. The Plex, Seerr, Tautulli, Sonarr and Radarr it references become its
    /// connections (Plex's waits for the Plex token).
    /// </summary>
    /// <example><code>builder.AddMaintainerr("maintainerr", host).WithReference(plex).WithReference(sonarr);</code></example>
    public static IResourceBuilder<MaintainerrResource> AddMaintainerr(this IDistributedApplicationBuilder builder, string name,
        HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder.AddResource(new MaintainerrResource(name))
            .WithImage($"{MaintainerrContainerImageTags.Registry}/{MaintainerrContainerImageTags.Image}", MaintainerrContainerImageTags.Tag)
            // Runs as PUID (WithUser below), port 6246: no capability (Maintainerr/Maintainerr Dockerfile, docker/start.sh @ v3.24.0; docs/upstream/capabilities.md §10)
            .WithOnlyCapabilities()
            .WithHttpEndpoint(targetPort: MaintainerrPort)
            .WithLoopbackPort() // its admin UI: 127.0.0.1:6246 on the server, over SSH
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithUser(host.UserId, host.GroupId)
            .WithEnvironment("TZ", host.TimeZone)
            .WithConfigMount(host, "/opt/data")
            .WithHealthPath("/api/health/ready")
            .WithImageHealthCheck()
            .WithAnnotation(new AppConfigurationAnnotation(MaintainerrConfiguration.Items));
    }
}
