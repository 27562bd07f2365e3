using System.Text.RegularExpressions;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Publishes an HTTP endpoint on the internet through the Cloudflare tunnel at <c>&lt;subdomain&gt;.&lt;domain&gt;</c>;
/// the tunnel's ingress rules, DNS records and (later) monitors are derived from it.
/// </summary>
public sealed partial class PublicHostnameAnnotation : IResourceAnnotation
{
    /// <summary>Records <paramref name="subdomain"/> for <paramref name="endpointName"/>.</summary>
    public PublicHostnameAnnotation(string subdomain, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(subdomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        if (!Label().IsMatch(subdomain))
        {
            throw new ArgumentException($"'{subdomain}' is not one DNS label; use lowercase letters, digits and inner hyphens, at most 63 characters, e.g. {InputChecks.Quote(InputChecks.SuggestLabel(subdomain))} (it becomes <subdomain>.<domain>)", nameof(subdomain));
        }

        Subdomain = subdomain;
        EndpointName = endpointName;
    }

    /// <summary>The first label of the hostname, e.g. <c>plex</c>.</summary>
    public string Subdomain { get; }

    /// <summary>The endpoint the tunnel forwards to.</summary>
    public string EndpointName { get; }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();
}
