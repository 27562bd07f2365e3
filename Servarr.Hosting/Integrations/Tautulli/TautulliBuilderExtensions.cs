using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Tautulli.</summary>
public static class TautulliBuilderExtensions
{
    /// <summary>The port Tautulli listens on.</summary>
    public const int TautulliPort = 8181;

    /// <summary>
    /// Adds Tautulli with a generated API key (<c>TAUTULLI_API_KEY</c>), config under the config root, and health on
    /// <c>/status</c> (the image ships curl). A referenced Plex becomes its Plex server (its setup wizard's settings, with
    /// the Plex token; until Plex is claimed that waits).
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
            // start.sh (root) chowns /config to PUID and execs gosu (Tautulli/Tautulli start.sh @ v2.17.2; docs/upstream/capabilities.md §3)
            .WithOnlyCapabilities("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID")
            .WithHttpEndpoint(targetPort: TautulliPort)
            .WithLoopbackPort() // its admin UI: 127.0.0.1:8181 on the server, over SSH
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithEnvironment("PUID", host.UserId)
            .WithEnvironment("PGID", host.GroupId)
            .WithEnvironment("TZ", host.TimeZone)
            .WithApiKey(key, "TAUTULLI_API_KEY")
            .WithConfigMount(host)
            .WithBackupExcludes("logs/", "cache/") // Tautulli rebuilds its image cache; the history lives in tautulli.db
            .WithHealthPath("/status")
            .WithCurlHealthCheck(TautulliPort, "/status")
            .WithAnnotation(new AppConfigurationAnnotation(TautulliConfiguration.Items));
    }

    /// <summary>
    /// Mails Tautulli's "recently added" newsletter (weekly, every library) through <paramref name="smtp"/>'s server to its
    /// recipients. Optional: while the <c>smtp-host</c> parameter is empty there is no newsletter, and the status shows
    /// "newsletters" off. The SMTP password is written into Tautulli, never read back or logged.
    /// </summary>
    /// <example><code>tautulli.WithNewsletter(new SmtpSettings(smtpHost, smtpPort, smtpUser, smtpPassword, from, to));</code></example>
    public static IResourceBuilder<TautulliResource> WithNewsletter(this IResourceBuilder<TautulliResource> builder, SmtpSettings smtp)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(smtp);
        return builder.WithAnnotation(new TautulliNewsletterAnnotation(smtp), ResourceAnnotationMutationBehavior.Replace)
            .WithAnnotation(new OptionalFeatureAnnotation("newsletters", smtp.Host.Resource));
    }
}
