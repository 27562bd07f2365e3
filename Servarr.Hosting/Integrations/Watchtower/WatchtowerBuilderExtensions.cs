using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Watchtower.</summary>
public static class WatchtowerBuilderExtensions
{
    /// <summary>The Docker socket, mounted read-only.</summary>
    public const string DockerSocket = "/var/run/docker.sock";

    /// <summary>
    /// Adds Watchtower (the maintained fork of the archived containrrr image) checking for new images on
    /// <paramref name="schedule"/> (six-field cron, default 04:00 daily), removing old images afterwards.
    /// </summary>
    /// <example><code>builder.AddWatchtower("watchtower", host);</code></example>
    public static IResourceBuilder<WatchtowerResource> AddWatchtower(this IDistributedApplicationBuilder builder, string name,
        HostSettings host, string schedule = "0 0 4 * * *")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule);
        return builder.AddResource(new WatchtowerResource(name))
            .WithImage($"{WatchtowerContainerImageTags.Registry}/{WatchtowerContainerImageTags.Image}", WatchtowerContainerImageTags.Tag)
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("WATCHTOWER_CLEANUP", "true")
            .WithEnvironment("WATCHTOWER_SCHEDULE", schedule)
            .WithBindMount(DockerSocket, DockerSocket, isReadOnly: true)
            .WithContainerHealthCheck(["/watchtower", "--health-check"], interval: TimeSpan.FromSeconds(30));
    }
}
