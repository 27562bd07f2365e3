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
}
