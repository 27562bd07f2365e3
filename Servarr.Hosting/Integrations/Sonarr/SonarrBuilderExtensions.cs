using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Sonarr.</summary>
public static class SonarrBuilderExtensions
{
    /// <summary>The port Sonarr listens on.</summary>
    public const int SonarrPort = 8989;

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
            .WithBackupExcludes("MediaCover/"); // posters and fanart, downloaded again from the metadata sources
}
