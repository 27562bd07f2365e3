using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// What Sonarr, Radarr and Prowlarr share: the LinuxServer image, one HTTP port, <c>/ping</c> for health, <c>/config</c>,
/// and an API key set through <c>&lt;APP&gt;__AUTH__APIKEY</c> so other apps can be wired to it up front.
/// </summary>
internal static class ServarrAppConventions
{
    public const string HealthPath = "/ping";

    public static IResourceBuilder<T> AddServarrApp<T>(IDistributedApplicationBuilder builder, T resource, HostSettings host,
        string image, string tag, int port, string environmentPrefix, IResourceBuilder<ParameterResource>? apiKey, bool mountsMedia)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        var key = CommonContainerExtensions.ApiKeyParameter(builder, resource.Name, apiKey);
        var app = builder.AddResource(resource)
            .WithImage(image, tag)
            .WithHttpEndpoint(targetPort: port)
            .WithLoopbackPort() // its admin UI: 127.0.0.1:<port> on the server, over SSH
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithLinuxServerEnvironment(host).WithLinuxServerCapabilities()
            .WithApiKey(key, $"{environmentPrefix}__AUTH__APIKEY")
            .WithConfigMount(host)
            // Log files, the log database and the pid file: no settings in them, and the log database changes constantly.
            .WithBackupExcludes("logs/", "logs.db", "logs.db-*", "*.pid")
            .WithHealthPath(HealthPath)
            .WithCurlHealthCheck(port, HealthPath);
        return mountsMedia ? app.WithMediaMount(host) : app;
    }
}
