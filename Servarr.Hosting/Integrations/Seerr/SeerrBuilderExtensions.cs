using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Seerr, the request manager.</summary>
public static class SeerrBuilderExtensions
{
    /// <summary>The port Seerr listens on.</summary>
    public const int SeerrPort = 5055;

    /// <summary>
    /// Adds Seerr (successor of Overseerr and Jellyseerr; it migrates their config) with a generated API key
    /// (<c>API_KEY</c>), config under the config root, and health on <c>/api/v1/status</c>.
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
                interval: TimeSpan.FromSeconds(15), startPeriod: TimeSpan.FromSeconds(20));
    }
}
