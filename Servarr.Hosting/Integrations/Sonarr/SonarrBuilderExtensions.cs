using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Sonarr.</summary>
public static class SonarrBuilderExtensions
{
    /// <summary>The port Sonarr listens on.</summary>
    public const int SonarrPort = 8989;

    /// <summary>The root folder Sonarr gets unless <c>WithRootFolder</c> names others.</summary>
    internal const string DefaultRootFolder = "/data/media/tv";

    /// <summary>
    /// Adds Sonarr on port 8989 with its config under the config root, the media root at <c>/data</c> (downloads and
    /// library on one mount, so imports are hardlinks), <c>/ping</c> health, and a generated API key
    /// (<c>SONARR__AUTH__APIKEY</c>) unless <paramref name="apiKey"/> is given.
    /// </summary>
    /// <example>
    /// <code>
    /// var sonarr = builder.AddSonarr("sonarr", host).WithVpn(gluetun).WithReference(qbittorrent);
    /// </code>
    /// </example>
    public static IResourceBuilder<SonarrResource> AddSonarr(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource>? apiKey = null) =>
        ServarrAppConventions.AddServarrApp(builder, new SonarrResource(name), host,
            $"{SonarrContainerImageTags.Registry}/{SonarrContainerImageTags.Image}", SonarrContainerImageTags.Tag, SonarrPort, "SONARR", apiKey,
            mountsMedia: true)
            .WithBackupExcludes("MediaCover/") // posters and fanart, downloaded again from the metadata sources
            // A referenced qBittorrent becomes its download client (category tv, which qBittorrent's seed creates with its
            // folder), and /data/media/tv its root folder unless WithRootFolder names others.
            .WithAnnotation(new AppConfigurationAnnotation(context => ArrConfiguration.DownloadApp(context, "tvCategory", "tv", [DefaultRootFolder])));

    /// <summary>
    /// Adds a root folder Sonarr keeps series in (the first call replaces the default <c>/data/media/tv</c>); keep it under
    /// <c>/data</c> so imports from the downloads hardlink.
    /// </summary>
    /// <example><code>sonarr.WithRootFolder("/data/media/tv").WithRootFolder("/data/media/anime");</code></example>
    public static IResourceBuilder<SonarrResource> WithRootFolder(this IResourceBuilder<SonarrResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithRootFolder({InputChecks.Quote(path)})", () => new RootFolderAnnotation(path));
    }
}
