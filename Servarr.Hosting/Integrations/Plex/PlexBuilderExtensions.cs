using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Plex Media Server.</summary>
public static class PlexBuilderExtensions
{
    /// <summary>The port Plex listens on; official apps connect to it directly (plex.direct TLS).</summary>
    public const int PlexPort = 32400;

    /// <summary>
    /// Adds Plex with host port 32400 published (the one host port of the stack, for LAN and plex.direct clients),
    /// its config under the config root, a transcode volume, the library at <c>/data/media</c> read-only, and the
    /// one-time claim token from <paramref name="claim"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var plex = builder.AddPlex("plex", host, claim);
    /// </code>
    /// </example>
    public static IResourceBuilder<PlexResource> AddPlex(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource> claim, int? port = PlexPort)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(claim);
        var plex = new PlexResource(name);
        return builder.AddResource(plex)
            .WithImage($"{PlexContainerImageTags.Registry}/{PlexContainerImageTags.Image}", PlexContainerImageTags.Tag)
            // s6 (root) takes over /config (usermod, chown), rewrites Preferences.xml and drops to PLEX_UID; KILL lets it stop Plex
            // gracefully (plexinc/pms-docker root/etc/cont-init.d/40-plex-first-run, root/etc/services.d/plex/run; docs/upstream/capabilities.md §2)
            .WithOnlyCapabilities("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID", "KILL")
            .WithHttpEndpoint(port: port, targetPort: PlexPort)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithHostPortAllowed("LAN and plex.direct clients connect to Plex directly on its port")
            .WithExternalHttpEndpoints()
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("PLEX_UID", host.UserId)
            .WithEnvironment("PLEX_GID", host.GroupId)
            .WithEnvironment("PLEX_CLAIM", claim)
            .WithConfigMount(host)
            // Regenerated or downloaded again by Plex; Cache/ alone can reach many gigabytes.
            .WithBackupExcludes("Cache/", "Logs/", "Crash Reports/", "Codecs/", "Updates/")
            .WithVolume($"{name}-transcode", "/transcode")
            .WithWritablePath("/transcode")
            .WithMediaMount(host, "/data/media", subfolder: "media", isReadOnly: true)
            .WithHealthPath("/identity")
            .WithContainerHealthCheck(["/healthcheck.sh"], interval: TimeSpan.FromSeconds(10), startPeriod: TimeSpan.FromSeconds(60))
            .WithAnnotation(new ModelCompletionAnnotation(context => WarnAboutTheTunnel(context, plex)))
            .WithAnnotation(new ModelCheckAnnotation(_ => PlexConfiguration.Check(plex)))
            // Library sections (Movies, TV Shows unless WithLibrary names others), once the server's token is known.
            .WithAnnotation(new AppConfigurationAnnotation(PlexConfiguration.Items));
    }

    /// <summary>
    /// Adds a library section Plex should have (the first call replaces the defaults <c>Movies</c> at
    /// <c>/data/media/movies</c> and <c>TV Shows</c> at <c>/data/media/tv</c>): created when missing, its folder added when
    /// the section scans others. The folder is as Plex sees it, under its media mount.
    /// </summary>
    /// <example><code>plex.WithLibrary("Movies", PlexLibraryType.Movies, "/data/media/movies").WithLibrary("Anime", PlexLibraryType.Shows, "/data/media/anime");</code></example>
    public static IResourceBuilder<PlexResource> WithLibrary(this IResourceBuilder<PlexResource> builder, string title, PlexLibraryType type, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithLibrary({InputChecks.Quote(title)}, {type}, {InputChecks.Quote(path)})", () => new PlexLibraryAnnotation(title, type, path));
    }

    /// <summary>
    /// Sets <c>ADVERTISE_IP</c> (Plex's "custom server access URLs", comma separated; plexinc/pms-docker:
    /// root/etc/cont-init.d/40-plex-first-run copies it to <c>customConnections</c> on a new container's first run):
    /// <c>http://&lt;lan address&gt;:32400</c> first, so clients on your LAN connect straight to this server, then
    /// <c>https://&lt;public hostname&gt;:443</c> for each of Plex's public hostnames. Without a LAN address (the parameter
    /// empty when the model is built) only the public URLs are advertised, and <c>doctor</c> says so.
    /// </summary>
    /// <example>
    /// <code>
    /// // appsettings.json: "lan-address": "192.168.1.10" → ADVERTISE_IP=http://192.168.1.10:32400,https://plex.example.com:443
    /// builder.AddPlex("plex", host, claim).WithAdvertisedUrls(lanAddress, domain).WithPublicHostname("plex");
    /// </code>
    /// </example>
    public static IResourceBuilder<PlexResource> WithAdvertisedUrls(this IResourceBuilder<PlexResource> builder,
        IResourceBuilder<ParameterResource> lanAddress, IResourceBuilder<ParameterResource> domain)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(lanAddress);
        ArgumentNullException.ThrowIfNull(domain);
        var configuration = builder.ApplicationBuilder.Configuration;
        var plex = builder.Resource;
        bool HasLanAddress() => !string.IsNullOrWhiteSpace(lanAddress.Resource.BuildTimeValue(configuration));
        return builder
            .WithAnnotation(new OptionalFeatureAnnotation("direct LAN connections", lanAddress.Resource))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                var parts = new List<object>();
                if (HasLanAddress())
                {
                    parts.AddRange(["http://", lanAddress.Resource, $":{PlexPort}"]);
                }

                foreach (var hostname in plex.Annotations.OfType<PublicHostnameAnnotation>())
                {
                    parts.AddRange([parts.Count == 0 ? "https://" : ",https://", $"{hostname.Subdomain}.", domain.Resource, ":443"]);
                }

                if (parts.Count > 0)
                {
                    context.EnvironmentVariables["ADVERTISE_IP"] = ServarrExpressions.FromParts(parts);
                }
            }))
            .WithAnnotation(new ModelCompletionAnnotation(_ =>
            {
                if (!HasLanAddress())
                {
                    builder.WithAnnotation(new ExposureWarningAnnotation(
                        $"parameter '{lanAddress.Resource.Name}' is empty, so Plex advertises only its public URLs and clients on your LAN stream out through the tunnel and back; set {lanAddress.Resource.ConfigurationKey} to this server's LAN address (e.g. 192.168.1.10) and publish or run again"));
                }
            }));
    }

    /// <summary>
    /// Takes the server's token from <paramref name="token"/> when it has a value (an X-Plex-Token of the account that owns
    /// the server), instead of the <c>PlexOnlineToken</c> Plex writes into its Preferences.xml once claimed. Servarr's
    /// configuration of Plex, Seerr, Tautulli and Maintainerr uses it (<see cref="PlexToken"/>); with neither, those items
    /// wait and say what to do.
    /// </summary>
    /// <example>
    /// <code>
    /// var plexToken = builder.AddOptionalParameter("plex-token", secret: true);
    /// builder.AddPlex("plex", host, claim).WithToken(plexToken);
    /// </code>
    /// </example>
    public static IResourceBuilder<PlexResource> WithToken(this IResourceBuilder<PlexResource> builder, IResourceBuilder<ParameterResource> token)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(token);
        builder.Resource.TokenParameter = token.Resource;
        return builder;
    }

    // Cloudflare's terms for its CDN and tunnel (non-Enterprise plans) do not allow serving video through them: a public
    // hostname is for Plex's web UI and sign-in, and streams must take the direct path.
    private static void WarnAboutTheTunnel(ModelCompletionContext context, PlexResource plex)
    {
        if (plex.Annotations.OfType<PublicHostnameAnnotation>().Any())
        {
            context.Builder.CreateResourceBuilder(plex).WithAnnotation(new ExposureWarningAnnotation(
                $"Plex is published through the Cloudflare tunnel; streaming video through it breaks Cloudflare's terms on non-Enterprise plans: let clients stream over the direct path (host port {PlexPort}, plex.direct; forward {PlexPort} on your router for remote clients) and keep the tunnel for the web UI"));
        }
    }
}
