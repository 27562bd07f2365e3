using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Wizarr.</summary>
public static class WizarrBuilderExtensions
{
    /// <summary>The port Wizarr listens on.</summary>
    public const int WizarrPort = 5690;

    /// <summary>Adds Wizarr with its database under the config root; the image's own health check (<c>/health</c>) is kept.</summary>
    /// <example><code>builder.AddWizarr("wizarr", host).WithReference(plex);</code></example>
    public static IResourceBuilder<WizarrResource> AddWizarr(this IDistributedApplicationBuilder builder, string name, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder.AddResource(new WizarrResource(name))
            .WithImage($"{WizarrContainerImageTags.Registry}/{WizarrContainerImageTags.Image}", WizarrContainerImageTags.Tag)
            // docker-entrypoint.sh (root) chowns /data/database and /.cache, then su-exec to PUID (wizarrrr/wizarr @ v2026.7.1; docs/upstream/capabilities.md §5)
            .WithOnlyCapabilities("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID")
            .WithHttpEndpoint(targetPort: WizarrPort)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithExternalHttpEndpoints()
            .WithEnvironment("PUID", host.UserId)
            .WithEnvironment("PGID", host.GroupId)
            .WithEnvironment("TZ", host.TimeZone)
            .WithConfigMount(host, "/data")
            .WithHealthPath("/health")
            .WithImageHealthCheck();
    }
}
