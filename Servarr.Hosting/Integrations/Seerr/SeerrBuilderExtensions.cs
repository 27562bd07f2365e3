using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Seerr, the request manager.</summary>
public static class SeerrBuilderExtensions
{
    /// <summary>The port Seerr listens on.</summary>
    public const int SeerrPort = 5055;

    /// <summary>
    /// Adds Seerr (successor of Overseerr and Jellyseerr; it migrates their config) with a generated API key
    /// (<c>API_KEY</c>), config under the config root, and health on <c>/api/v1/status</c>. Its configuration makes the
    /// referenced Plex's owner its admin, then sets the Plex server and libraries, each referenced Sonarr and Radarr
    /// (<see cref="WithQualityProfile"/>), Tautulli, and ends the setup wizard.
    /// </summary>
    /// <example><code>builder.AddSeerr("seerr", host).WithReference(plex).WithReference(sonarr);</code></example>
    public static IResourceBuilder<SeerrResource> AddSeerr(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource>? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        var key = CommonContainerExtensions.ApiKeyParameter(builder, name, apiKey);
        return builder.AddResource(new SeerrResource(name))
            .WithImage($"{SeerrContainerImageTags.Registry}/{SeerrContainerImageTags.Image}", SeerrContainerImageTags.Tag)
            // Runs as PUID (WithUser below), port 5055: no capability (seerr-team/seerr Dockerfile @ v3.1.0, USER node; docs/upstream/capabilities.md §9)
            .WithOnlyCapabilities()
            .WithHttpEndpoint(targetPort: SeerrPort)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithExternalHttpEndpoints()
            .WithUser(host.UserId, host.GroupId)
            .WithInitProcess()
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("LOG_LEVEL", "info")
            .WithEnvironment("PORT", SeerrPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithApiKey(key, "API_KEY")
            .WithConfigMount(host, "/app/config")
            .WithHealthPath("/api/v1/status")
            .WithContainerHealthCheck(["wget", "--spider", "-q", $"http://localhost:{SeerrPort}/api/v1/status"],
                interval: TimeSpan.FromSeconds(15), startPeriod: TimeSpan.FromSeconds(20))
            // Until set up, every page redirects to /setup, whose first visitor would own Seerr (seerr-team/seerr:
            // src/pages/_app.tsx); Servarr's configuration sets it up from the references instead.
            .WithAnnotation(new SetupWizardAnnotation("/setup"))
            .WithAnnotation(new AppConfigurationAnnotation(SeerrConfiguration.Items));
    }

    /// <summary>
    /// Names the quality profile Seerr requests with on its Sonarr and Radarr servers (default <c>HD-1080p</c>, which both
    /// create on first start). A name the app does not have fails Seerr's configuration with the names it has.
    /// </summary>
    /// <example><code>seerr.WithQualityProfile("Ultra-HD");</code></example>
    public static IResourceBuilder<SeerrResource> WithQualityProfile(this IResourceBuilder<SeerrResource> builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithQualityProfile({InputChecks.Quote(name)})", () => new QualityProfileAnnotation(name),
            ResourceAnnotationMutationBehavior.Replace);
    }
}
