using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Plex Media Server.</summary>
public static class PlexBuilderExtensions
{
    /// <summary>The port Plex listens on; official apps connect to it directly (plex.direct TLS).</summary>
    public const int PlexPort = 32400;

    /// <summary>
    /// Adds Plex with host port 32400 published (the one host port of the stack, for LAN and plex.direct clients),
    /// its config under the config root, a transcode volume, the library at <c>/data/media</c> read-only, and the
    /// one-time claim token from <paramref name="claim"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var plex = builder.AddPlex("plex", host, claim);
    /// </code>
    /// </example>
    public static IResourceBuilder<PlexResource> AddPlex(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource> claim, int? port = PlexPort)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(claim);
        return builder.AddResource(new PlexResource(name))
            .WithImage($"{PlexContainerImageTags.Registry}/{PlexContainerImageTags.Image}", PlexContainerImageTags.Tag)
            .WithHttpEndpoint(port: port, targetPort: PlexPort)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithHostPortAllowed("LAN and plex.direct clients connect to Plex directly on its port")
            .WithExternalHttpEndpoints()
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("PLEX_UID", host.UserId)
            .WithEnvironment("PLEX_GID", host.GroupId)
            .WithEnvironment("PLEX_CLAIM", claim)
            .WithConfigMount(host)
            // Regenerated or downloaded again by Plex; Cache/ alone can reach many gigabytes.
            .WithBackupExcludes("Cache/", "Logs/", "Crash Reports/", "Codecs/", "Updates/")
            .WithVolume($"{name}-transcode", "/transcode")
            .WithWritablePath("/transcode")
            .WithMediaMount(host, "/data/media", subfolder: "media", isReadOnly: true)
            .WithHttpHealthCheck("/identity")
            .WithContainerHealthCheck(["/healthcheck.sh"], interval: TimeSpan.FromSeconds(10), startPeriod: TimeSpan.FromSeconds(60));
    }
}
