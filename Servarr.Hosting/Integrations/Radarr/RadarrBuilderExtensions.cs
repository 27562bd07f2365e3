using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Radarr.</summary>
public static class RadarrBuilderExtensions
{
    /// <summary>The port Radarr listens on.</summary>
    public const int RadarrPort = 7878;

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
            .WithBackupExcludes("MediaCover/"); // posters and fanart, downloaded again from the metadata sources
}
