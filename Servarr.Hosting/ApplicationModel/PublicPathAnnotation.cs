using System.Text.RegularExpressions;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Limits what a resource's public hostnames let in from the internet to the URL paths matching <see cref="Pattern"/>:
/// the tunnel's ingress rule (cloudflared <c>path</c>) and the Kubernetes route (Traefik <c>PathRegexp</c>) carry it, and
/// every other path of that hostname falls through to <c>http_status:404</c>. An integration declares it for an app whose
/// public part is only a slice of its UI (Uptime Kuma: its status pages, not its admin UI and socket).
/// </summary>
/// <example>
/// <code>
/// builder.AddContainer("kuma", "louislam/uptime-kuma", "2.5.3")
///     .WithAnnotation(new PublicPathAnnotation(@"^/status/[a-z0-9-]+/?$", "status pages only"));
/// </code>
/// </example>
public sealed class PublicPathAnnotation : IResourceAnnotation
{
    /// <summary>Records <paramref name="pattern"/>, which must be anchored (<c>^...$</c>): cloudflared matches unanchored.</summary>
    public PublicPathAnnotation(string pattern, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!pattern.StartsWith('^') || !pattern.EndsWith('$'))
        {
            throw new ArgumentException($"Public path pattern '{pattern}' must be anchored with ^ and $: the tunnel matches it anywhere in the path otherwise.", nameof(pattern));
        }

        if (pattern.Contains('`') || pattern.Contains('\'') || pattern.Contains('"') || pattern.Any(char.IsControl) || pattern.Contains(' '))
        {
            throw new ArgumentException($"Public path pattern '{pattern}' may not hold quotes, backticks, spaces or control characters: it is written into YAML, HCL and a Traefik rule.", nameof(pattern));
        }

        _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); // throws on a malformed pattern
        Pattern = pattern;
        Reason = reason;
    }

    /// <summary>The regular expression (Go RE2 and .NET alike: no look-arounds or back-references) a public path must match.</summary>
    public string Pattern { get; }

    /// <summary>What the pattern lets in, for reports, e.g. <c>status pages only</c>.</summary>
    public string Reason { get; }

    /// <summary>Whether <paramref name="path"/> (no query string) is let in.</summary>
    /// <example><code>annotation.Allows("/status/servarr") // true; annotation.Allows("/dashboard") // false</code></example>
    public bool Allows(string path) => Regex.IsMatch(path ?? "", Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}
