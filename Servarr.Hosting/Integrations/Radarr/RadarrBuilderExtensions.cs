using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Radarr.</summary>
public static class RadarrBuilderExtensions
{
    /// <summary>The port Radarr listens on.</summary>
    public const int RadarrPort = 7878;

    /// <summary>The root folder Radarr gets unless <c>WithRootFolder</c> names others.</summary>
    internal const string DefaultRootFolder = "/data/media/movies";

    /// <summary>
    /// Adds Radarr on port 7878 with its config under the config root, the media root at <c>/data</c>, <c>/ping</c> health, and a generated
    /// API key (<c>RADARR__AUTH__APIKEY</c>) unless <paramref name="apiKey"/> is given.
    /// </summary>
    /// <example>
    /// <code>
    /// var radarr = builder.AddRadarr("radarr", host).WithVpn(gluetun);
    /// </code>
    /// </example>
    public static IResourceBuilder<RadarrResource> AddRadarr(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource>? apiKey = null) =>
        ServarrAppConventions.AddServarrApp(builder, new RadarrResource(name), host,
            $"{RadarrContainerImageTags.Registry}/{RadarrContainerImageTags.Image}", RadarrContainerImageTags.Tag, RadarrPort, "RADARR", apiKey,
            mountsMedia: true)
            .WithBackupExcludes("MediaCover/") // posters and fanart, downloaded again from the metadata sources
            // A referenced qBittorrent becomes its download client (category movies, which qBittorrent's seed creates with
            // its folder), and /data/media/movies its root folder unless WithRootFolder names others.
            .WithAnnotation(new AppConfigurationAnnotation(context => ArrConfiguration.DownloadApp(context, "movieCategory", "movies", [DefaultRootFolder])));

    /// <summary>
    /// Adds a root folder Radarr keeps movies in (the first call replaces the default <c>/data/media/movies</c>); keep it
    /// under <c>/data</c> so imports from the downloads hardlink.
    /// </summary>
    /// <example><code>radarr.WithRootFolder("/data/media/movies-4k");</code></example>
    public static IResourceBuilder<RadarrResource> WithRootFolder(this IResourceBuilder<RadarrResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithRootFolder({InputChecks.Quote(path)})", () => new RootFolderAnnotation(path));
    }
}
