using System.Text;
using System.Text.RegularExpressions;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// What each <see cref="KubernetesOptions"/> value must be before it is written into a manifest, a kustomization or a
/// Traefik rule: names as the API server checks them (a namespace is a DNS-1123 label, a storage class a DNS-1123
/// subdomain), sizes in Kubernetes' quantity grammar, hosts as lowercase DNS names (a backtick would end Traefik's
/// <c>Host(`...`)</c>), URLs as absolute http(s) URLs, CIDRs with no host bits. One line per problem, naming the key
/// and the fix.
/// </summary>
internal static partial class KubernetesOptionChecks
{
    /// <summary>The keys of section <c>Kubernetes</c> Servarr reads.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["Namespace", "TraefikNamespace", "Storage", "VolumeSize", "MediaSize", "StorageClass", "Domain", "EntryPoints", "PlexHost", "PlexAdvertiseUrls", "PlexSni", "PodCidr", "ServiceCidr"];

    // DNS-1123 label: what a namespace name must be.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\z")]
    private static partial Regex Label();

    // A quantity (k8s.io/apimachinery resource.Quantity): digits with an optional fraction, then a binary (Ki..Ei), decimal
    // (m, k, M, G, T, P, E) or exponent (e3, E-2) suffix. No sign: a size is positive.
    [GeneratedRegex("^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][-+]?[0-9]+)?\\z")]
    private static partial Regex Quantity();

    /// <summary>Every problem of <paramref name="options"/>, one line each (empty when it can be published).</summary>
    public static IReadOnlyList<string> Problems(KubernetesOptions options)
    {
        var problems = new List<string>();
        void Check(string key, string? value, bool ok, string fix)
        {
            if (value is not null && !ok)
            {
                problems.Add($"Kubernetes:{key} is '{Shown(value)}'; {fix}");
            }
        }

        Check("Namespace", options.Namespace, Label().IsMatch(options.Namespace),
            "use a namespace name: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. servarr)");
        Check("TraefikNamespace", options.TraefikNamespace, Label().IsMatch(options.TraefikNamespace),
            "use the namespace Traefik runs in (kubectl get pods -A -l app.kubernetes.io/name=traefik), e.g. traefik");
        Check("Storage", options.Storage, options.Storage is "hostPath" or "pvc", "use hostPath or pvc");
        Check("VolumeSize", options.VolumeSize, IsSize(options.VolumeSize), "use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)");
        Check("MediaSize", options.MediaSize, IsSize(options.MediaSize), "use a Kubernetes quantity such as 1Ti (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)");
        Check("StorageClass", options.StorageClass, options.StorageClass is null || IsDnsName(options.StorageClass),
            "use the name of one of your cluster's storage classes (kubectl get storageclass), e.g. local-path, or leave it unset for the default");
        Check("Domain", options.Domain, IsDnsName(options.Domain), "use a DNS name such as home or example.com (lowercase letters, digits, '-' and dots)");
        var entryPoints = string.Join(',', options.EntryPoints);
        Check("EntryPoints", entryPoints, options.EntryPoints.All(e => EntryPoint().IsMatch(e) && e != TraefikRoutes.PlexEntryPoint)
            && options.EntryPoints.Distinct(StringComparer.Ordinal).Count() == options.EntryPoints.Count,
            $"use Traefik entry point names separated by commas, e.g. websecure or web,websecure (not '{TraefikRoutes.PlexEntryPoint}', Plex's TLS passthrough)");
        Check("PlexHost", options.PlexHost, IsDnsName(options.PlexHost), "use a DNS name such as plex.home (lowercase letters, digits, '-' and dots)");
        Check("PlexAdvertiseUrls", options.PlexAdvertiseUrls, options.PlexAdvertiseUrls is null || options.PlexAdvertiseUrls.Split(',').All(IsHttpUrl),
            "use http(s) URLs separated by commas, e.g. https://192.168.1.20:32400,https://plex.example.com:443");
        Check("PlexSni", options.PlexSni, options.PlexSni is "*" or "plex.direct", "use * or plex.direct");
        Check("PodCidr", options.PodCidr, IsCidr(options.PodCidr), "use a CIDR such as 10.42.0.0/16 (your cluster's --cluster-cidr)");
        Check("ServiceCidr", options.ServiceCidr, IsCidr(options.ServiceCidr), "use a CIDR such as 10.43.0.0/16 (your cluster's --service-cidr)");
        return problems;
    }

    /// <summary>A line for each key of section <c>Kubernetes</c> Servarr does not read (a typo would otherwise be ignored).</summary>
    public static IEnumerable<string> UnknownKeys(IEnumerable<string> keys) =>
        keys.Where(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => $"Kubernetes:{Shown(k)} is not a setting Servarr reads; use one of {string.Join(", ", Keys)}");

    // A Traefik entry point name as the Helm chart's ports keys are: letters, digits, '-' and '_'.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}\\z")]
    private static partial Regex EntryPoint();

    private static bool IsSize(string value) => Quantity().IsMatch(value) && value.Any(c => c is >= '1' and <= '9');

    /// <summary>A lowercase DNS name (RFC 1123 labels of at most 63 characters, at most 253 in all).</summary>
    private static bool IsDnsName(string value) =>
        value.Length <= 253 && value.Split('.').All(Label().IsMatch);

    private static bool IsHttpUrl(string value) =>
        value.Length > 0 && !value.Any(char.IsWhiteSpace) && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && !value.Contains('`', StringComparison.Ordinal);

    // An address and a prefix length with no host bits set, e.g. 10.42.0.0/16 (one entry of gluetun's FIREWALL_OUTBOUND_SUBNETS).
    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && System.Net.IPNetwork.TryParse(value, out var network) && System.Net.IPAddress.TryParse(value[..slash], out var address)
            && network.BaseAddress.Equals(address);
    }

    /// <summary><paramref name="value"/> on one line: control characters as <c>\n</c>, <c>\t</c>, <c>\r</c> or <c>\u00XX</c>.</summary>
    public static string Shown(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
