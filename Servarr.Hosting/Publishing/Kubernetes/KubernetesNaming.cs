using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Names the API server accepts, derived from the model's: port names (IANA service names — at most 15 characters,
/// lowercase letters, digits and single inner hyphens, at least one letter — unique per pod and per Service), DNS-1123
/// labels (at most 63 characters) for volume and container names, and qualified names for annotation keys. A name
/// too long is shortened deterministically: a prefix, a hyphen and four hex digits of the SHA-256 of the whole name.
/// </summary>
public static partial class KubernetesNaming
{
    /// <summary>The longest port name (an IANA service name).</summary>
    public const int MaxPortName = 15;

    /// <summary>The longest DNS-1123 label.</summary>
    public const int MaxLabel = 63;

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    /// <summary>
    /// The port name of every endpoint with a target port in the pod of <paramref name="primary"/> (its own and, for a
    /// gateway, its apps'): the primary's endpoints keep their name; an app behind the gateway's are <c>&lt;app&gt;-&lt;endpoint&gt;</c>,
    /// the app's part cut to fit; a name still too long, or taken, ends in a hash instead, so every name is unique in the pod.
    /// </summary>
    /// <example><code>PortNames(gluetun, listeners)[(qbittorrent, torrentUdp)] // "qbi-torrent-udp" ("qbittorrent-torrent-udp" has 23 characters)</code></example>
    public static IReadOnlyDictionary<(ContainerResource Owner, EndpointAnnotation Endpoint), string> PortNames(
        ContainerResource primary, IEnumerable<(ContainerResource Owner, EndpointAnnotation Endpoint)> listeners)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(listeners);
        var names = new Dictionary<(ContainerResource, EndpointAnnotation), string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (owner, endpoint) in listeners.Where(l => l.Endpoint.TargetPort is not null))
        {
            var wanted = owner == primary ? endpoint.Name : $"{owner.Name}-{endpoint.Name}";
            var name = owner == primary ? Shorten(wanted, MaxPortName, requireLetter: true) : Joined(Sanitize(owner.Name), Sanitize(endpoint.Name), wanted);
            for (var attempt = 1; !taken.Add(name); attempt++)
            {
                name = Hashed(Sanitize(wanted), $"{wanted}#{attempt}", MaxPortName);
            }

            names[(owner, endpoint)] = name;
        }

        return names;
    }

    /// <summary><paramref name="name"/> as a DNS-1123 label: lowercased, other characters as hyphens, shortened when longer than 63.</summary>
    public static string Label(string name) => Shorten(name, MaxLabel, requireLetter: false);

    /// <summary>Whether <paramref name="key"/> is a qualified name, as label and annotation keys must be: an optional DNS subdomain prefix and <c>/</c>, then at most 63 characters.</summary>
    public static bool IsQualifiedName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0 && (slash == 0 || slash > 253 || !Subdomain().IsMatch(key[..slash])))
        {
            return false;
        }

        return name.Length is > 0 and <= MaxLabel && QualifiedNamePart().IsMatch(name);
    }

    // "<app>-<endpoint>", the app's name cut so the whole fits (qbi-torrent-udp); hashed when too little of it would be left.
    private static string Joined(string owner, string endpoint, string wanted)
    {
        var budget = MaxPortName - 1 - endpoint.Length;
        if (owner.Length == 0 || endpoint.Length == 0 || budget < 3)
        {
            return Shorten(wanted, MaxPortName, requireLetter: true);
        }

        var joined = $"{owner[..Math.Min(owner.Length, budget)].TrimEnd('-')}-{endpoint}";
        return joined.Any(char.IsAsciiLetterLower) ? joined : Shorten(wanted, MaxPortName, requireLetter: true);
    }

    private static string Shorten(string wanted, int max, bool requireLetter)
    {
        var name = Sanitize(wanted);
        if (requireLetter && !name.Any(char.IsAsciiLetterLower))
        {
            name = name.Length == 0 ? "port" : $"p-{name}";
        }

        return name.Length > 0 && name.Length <= max ? name : Hashed(name, wanted, max);
    }

    // "<prefix>-<4 hex digits of SHA-256(seed)>", at most max characters, no hyphen at either end or twice in a row.
    private static string Hashed(string name, string seed, int max)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..4];
        var prefix = name[..Math.Min(name.Length, max - 5)].TrimEnd('-');
        return prefix.Length == 0 ? $"p{hash}" : $"{prefix}-{hash}";
    }

    // Lowercase letters, digits and single hyphens, none at either end.
    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-';
            if (keep != '-' || (text.Length > 0 && text[^1] != '-'))
            {
                text.Append(keep);
            }
        }

        return text.ToString().Trim('-');
    }
}
