using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Tautulli.</summary>
public static class TautulliBuilderExtensions
{
    /// <summary>The port Tautulli listens on.</summary>
    public const int TautulliPort = 8181;

    /// <summary>
    /// Adds Tautulli with a generated API key (<c>TAUTULLI_API_KEY</c>), config under the config root, and health on
    /// <c>/status</c> (the image ships curl).
    /// </summary>
    /// <example><code>builder.AddTautulli("tautulli", host).WithReference(plex);</code></example>
    public static IResourceBuilder<TautulliResource> AddTautulli(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource>? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        var key = CommonContainerExtensions.ApiKeyParameter(builder, name, apiKey);
        return builder.AddResource(new TautulliResource(name))
            .WithImage($"{TautulliContainerImageTags.Registry}/{TautulliContainerImageTags.Image}", TautulliContainerImageTags.Tag)
            .WithHttpEndpoint(targetPort: TautulliPort)
            .WithEnvironment("PUID", host.UserId)
            .WithEnvironment("PGID", host.GroupId)
            .WithEnvironment("TZ", host.TimeZone)
            .WithApiKey(key, "TAUTULLI_API_KEY")
            .WithConfigMount(host)
            .WithBackupExcludes("logs/", "cache/") // Tautulli rebuilds its image cache; the history lives in tautulli.db
            .WithHttpHealthCheck("/status")
            .WithCurlHealthCheck(TautulliPort, "/status");
    }

    /// <summary>
    /// Passes the SMTP server for newsletters as <c>SMTP_HOST</c>, <c>SMTP_PORT</c>, <c>SMTP_USERNAME</c>,
    /// <c>SMTP_PASSWORD</c>; enter them in Tautulli's Email notification agent (Tautulli keeps agent settings in its
    /// database, not in environment variables).
    /// </summary>
    public static IResourceBuilder<TautulliResource> WithNewsletterSmtp(this IResourceBuilder<TautulliResource> builder,
        IResourceBuilder<ParameterResource> host, IResourceBuilder<ParameterResource> port,
        IResourceBuilder<ParameterResource> username, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder
            .WithAnnotation(new OptionalFeatureAnnotation("newsletters", host.Resource))
            .WithEnvironment("SMTP_HOST", host)
            .WithEnvironment("SMTP_PORT", port)
            .WithEnvironment("SMTP_USERNAME", username)
            .WithEnvironment("SMTP_PASSWORD", password);
    }
}
