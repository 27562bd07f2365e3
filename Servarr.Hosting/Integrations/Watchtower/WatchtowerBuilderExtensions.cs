using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Watchtower.</summary>
public static class WatchtowerBuilderExtensions
{
    /// <summary>The Docker socket, mounted read-only.</summary>
    public const string DockerSocket = HardeningBuilderExtensions.DockerSocket;

    /// <summary>
    /// Adds Watchtower (the maintained fork of the archived containrrr image) checking for new images on
    /// <paramref name="schedule"/> (six-field cron, default 04:00 daily), removing old images afterwards. It runs in
    /// label-enable mode: only containers opted in with <see cref="WithAutoUpdate{T}"/> are updated.
    /// </summary>
    /// <example><code>builder.AddWatchtower("watchtower", host);</code></example>
    public static IResourceBuilder<WatchtowerResource> AddWatchtower(this IDistributedApplicationBuilder builder, string name,
        HostSettings host, string schedule = "0 0 4 * * *")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(schedule);
        var watchtower = builder.AddResource(new WatchtowerResource(name));
        if (string.IsNullOrWhiteSpace(schedule))
        {
            InputChecks.Refuse(watchtower, $"AddWatchtower({InputChecks.Quote(name)}, host, {InputChecks.Quote(schedule)})",
                "the schedule is empty; pass a six-field cron expression, e.g. \"0 0 4 * * *\" (04:00 daily), or leave it out");
        }

        return watchtower
            .WithImage($"{WatchtowerContainerImageTags.Registry}/{WatchtowerContainerImageTags.Image}", WatchtowerContainerImageTags.Tag)
            // Root owns the socket it talks to, nothing else is written: no capability (nicholas-fedor/watchtower @ 1.8.0; docs/upstream/capabilities.md §12, inferred)
            .WithOnlyCapabilities()
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("WATCHTOWER_CLEANUP", "true")
            .WithEnvironment("WATCHTOWER_SCHEDULE", schedule)
            .WithEnvironment("WATCHTOWER_LABEL_ENABLE", "true")
            .WithDockerSocket("pulls new images of opted-in apps and recreates their containers",
                withoutDocker: "Watchtower updates Docker's containers, not the cluster's pods")
            .WithContainerHealthCheck(["/watchtower", "--health-check"], interval: TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Lets Watchtower update this container: adds <c>com.centurylinklabs.watchtower.enable=true</c>. Watchtower pulls
    /// the same tag again, so a container pinned to a version tag gets rebuilds of that tag; one pinned by digest
    /// (<c>@sha256:</c>) can never change and is refused by the validator.
    /// </summary>
    /// <example><code>builder.AddSonarr("sonarr", host).WithAutoUpdate();</code></example>
    public static IResourceBuilder<T> WithAutoUpdate<T>(this IResourceBuilder<T> builder) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.Annotations.OfType<AutoUpdateAnnotation>().Any())
        {
            return builder;
        }

        return builder.WithAnnotation(new AutoUpdateAnnotation()).WithLabel(AutoUpdateAnnotation.EnableLabel, "true");
    }
}
