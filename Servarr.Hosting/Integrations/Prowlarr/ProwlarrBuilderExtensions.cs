using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Prowlarr.</summary>
public static class ProwlarrBuilderExtensions
{
    /// <summary>The port Prowlarr listens on.</summary>
    public const int ProwlarrPort = 9696;

    /// <summary>
    /// Adds Prowlarr on port 9696 with its config under the config root, <c>/ping</c> health, and a generated
    /// API key (<c>PROWLARR__AUTH__APIKEY</c>) unless <paramref name="apiKey"/> is given.
    /// </summary>
    /// <example>
    /// <code>
    /// var prowlarr = builder.AddProwlarr("prowlarr", host).WithVpn(gluetun);
    /// </code>
    /// </example>
    public static IResourceBuilder<ProwlarrResource> AddProwlarr(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource>? apiKey = null) =>
        ServarrAppConventions.AddServarrApp(builder, new ProwlarrResource(name), host,
            $"{ProwlarrContainerImageTags.Registry}/{ProwlarrContainerImageTags.Image}", ProwlarrContainerImageTags.Tag, ProwlarrPort, "PROWLARR", apiKey,
            mountsMedia: false)
            // Each Sonarr and Radarr it references becomes a Prowlarr application with full sync (its indexers pushed there).
            .WithAnnotation(new AppConfigurationAnnotation(ArrConfiguration.Prowlarr));
}
