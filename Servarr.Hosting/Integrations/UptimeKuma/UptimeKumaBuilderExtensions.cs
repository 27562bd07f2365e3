using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Uptime Kuma.</summary>
public static class UptimeKumaBuilderExtensions
{
    /// <summary>The port Uptime Kuma listens on.</summary>
    public const int UptimeKumaPort = 3001;

    /// <summary>
    /// Adds Uptime Kuma with its data under the config root and the image's own health probe. A public hostname on it
    /// publishes its status pages only (<see cref="UptimeKumaStatusPages.PublicPaths"/>).
    /// </summary>
    /// <example><code>builder.AddUptimeKuma("uptime-kuma", host);</code></example>
    public static IResourceBuilder<UptimeKumaResource> AddUptimeKuma(this IDistributedApplicationBuilder builder, string name, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder.AddResource(new UptimeKumaResource(name))
            .WithImage($"{UptimeKumaContainerImageTags.Registry}/{UptimeKumaContainerImageTags.Image}", UptimeKumaContainerImageTags.Tag)
            // No USER, no start-up chown or privilege drop: root only needs to write its PUID-owned /app/data
            // (louislam/uptime-kuma docker/dockerfile @ 2.5.3; docs/upstream/capabilities.md §4)
            .WithOnlyCapabilities("DAC_OVERRIDE")
            .WithHttpEndpoint(targetPort: UptimeKumaPort)
            .WithLoopbackPort() // its admin UI (first-run page, monitors): 127.0.0.1:3001 on the server, over SSH
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithEnvironment("TZ", host.TimeZone)
            // SQLite in /app/data without 2.x's database page: the env writes db-config.json
            // (louislam/uptime-kuma server/setup-database.js @ 2.5.3, `if (process.env.UPTIME_KUMA_DB_TYPE)` → needSetup false)
            .WithEnvironment("UPTIME_KUMA_DB_TYPE", "sqlite")
            .WithConfigMount(host, "/app/data")
            .WithHealthPath("/")
            // A public hostname (WithPublicHostname("status")) lets in the status pages only; the admin UI stays private.
            .WithAnnotation(new PublicPathAnnotation(UptimeKumaStatusPages.PublicPaths, "status pages (admin UI, socket.io, /metrics closed)"))
            .WithContainerHealthCheck(["/app/extra/healthcheck"], interval: TimeSpan.FromSeconds(30), startPeriod: TimeSpan.FromSeconds(60))
            // Until a user exists its first-run page (src/router.js "/setup") makes whoever comes first the admin.
            .WithAnnotation(new SetupWizardAnnotation(SetupPath));
    }

    /// <summary>The path of Uptime Kuma's first-run page.</summary>
    public const string SetupPath = "/setup";

    /// <summary>
    /// Servarr creates Uptime Kuma's admin user (the one AutoKuma signs in as) over Socket.IO, as its first-run page
    /// would, while Kuma has no user; an existing user is left as it is.
    /// </summary>
    /// <example><code>uptimeKuma.WithAdminAccount(kumaUser, kumaPassword);</code></example>
    public static IResourceBuilder<UptimeKumaResource> WithAdminAccount(this IResourceBuilder<UptimeKumaResource> builder,
        IResourceBuilder<ParameterResource> username, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        return builder.WithAnnotation(new AppConfigurationAnnotation(context => [new UptimeKumaAdminItem(context, username.Resource, password.Resource)]),
            ResourceAnnotationMutationBehavior.Replace);
    }
}
