using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>How the internet reaches the stack: public hostnames served through the Cloudflare tunnel.</summary>
public static class EdgeBuilderExtensions
{
    /// <summary>
    /// Publishes <paramref name="endpointName"/> at <c>&lt;subdomain&gt;.&lt;domain&gt;</c> through the tunnel (the domain is
    /// the tunnel's parameter); the tunnel forwards to the endpoint's address inside the app network.
    /// </summary>
    /// <example><code>seerr.WithPublicHostname("requests");   // https://requests.example.com → http://seerr:5055</code></example>
    public static IResourceBuilder<T> WithPublicHostname<T>(this IResourceBuilder<T> builder, string subdomain, string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        var call = endpointName == "http" ? $".WithPublicHostname({InputChecks.Quote(subdomain)})"
            : $".WithPublicHostname({InputChecks.Quote(subdomain)}, {InputChecks.Quote(endpointName)})";
        return builder.WithCheckedAnnotation(call, () => new PublicHostnameAnnotation(subdomain, endpointName));
    }

    /// <summary>
    /// Puts a sign-in in front of the resource's public hostnames: the cloudflare publisher writes a Cloudflare Access
    /// application for each (an identity policy allowing only terraform's <c>admin_emails</c>), so Cloudflare asks for a
    /// login before the tunnel forwards anything. An admin UI (Sonarr, Radarr, Prowlarr, qBittorrent, Tautulli,
    /// Maintainerr, Kopia) may have a public hostname only with it. Access guards the hostname at Cloudflare's edge: an
    /// origin reached another way (a Kubernetes Traefik exposed directly) is not behind it.
    /// </summary>
    /// <example>
    /// <code>
    /// sonarr.WithPublicHostname("sonarr").WithCloudflareAccess(); // https://sonarr.example.com: Cloudflare login, then Sonarr
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithCloudflareAccess<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new SignInRequiredAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }
}
