using Microsoft.Extensions.Configuration;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Choices for the Kubernetes publisher, from configuration section <c>Kubernetes</c> (appsettings.json, or an
/// environment variable such as <c>Kubernetes__Storage=pvc</c>):
/// <list type="bullet">
/// <item><c>Namespace</c> (default <c>servarr</c>);</item>
/// <item><c>TraefikNamespace</c> (default <c>traefik</c>, where README's helm command installs it): the namespace whose Traefik pods may reach the routed apps;</item>
/// <item><c>Storage</c>: <c>hostPath</c> (default: config and media folders on the node, as compose does — a
/// single-node cluster) or <c>pvc</c> (a PersistentVolumeClaim per config folder and for the media tree);</item>
/// <item><c>VolumeSize</c> (default <c>10Gi</c>), <c>MediaSize</c> (default <c>1Ti</c>), <c>StorageClass</c> (default: the cluster's);</item>
/// <item><c>Domain</c> (default <c>home</c>): Seerr, Wizarr and Uptime Kuma get HTTP routes at <c>&lt;name&gt;.&lt;domain&gt;</c>;</item>
/// <item><c>EntryPoints</c> (default <c>websecure</c>): the Traefik entry points of those HTTP routes, comma separated;
/// <c>web,websecure</c> also answers plain HTTP (Traefik's Helm chart does not redirect <c>web</c> to <c>websecure</c> unless
/// its values ask);</item>
/// <item><c>PlexHost</c> (default <c>plex.home</c>): the browser host of Plex's HTTP route;</item>
/// <item><c>PlexAdvertiseUrls</c>: Plex's <c>ADVERTISE_IP</c> in the cluster, e.g.
/// <c>https://192.168.1.20:32400,https://plex.example.com:443</c> (Traefik's address and the plex entryPoint), so plex.tv
/// tells apps where to connect; default: what the model sets;</item>
/// <item><c>PlexSni</c>: <c>*</c> (default, every TLS name on the <c>plex</c> entryPoint) or <c>plex.direct</c>
/// (only <c>*.plex.direct</c> names, what Plex apps use);</item>
/// <item><c>PodCidr</c> (default <c>10.42.0.0/16</c>) and <c>ServiceCidr</c> (default <c>10.43.0.0/16</c>): the cluster's
/// pod and Service ranges (k3s' <c>--cluster-cidr</c> and <c>--service-cidr</c> defaults), which gluetun's firewall lets
/// out (<c>FIREWALL_OUTBOUND_SUBNETS</c>) so the apps behind it reach Services and the cluster's DNS.</item>
/// </list>
/// </summary>
public sealed record KubernetesOptions
{
    /// <summary>The namespace of every object.</summary>
    public string Namespace { get; init; } = "servarr";

    /// <summary>The namespace Traefik runs in (<c>TraefikNamespace</c>, default <c>traefik</c>): only its pods may reach the routed apps.</summary>
    public string TraefikNamespace { get; init; } = "traefik";

    /// <summary><c>hostPath</c> or <c>pvc</c>.</summary>
    public string Storage { get; init; } = "hostPath";

    /// <summary>Size of each claim for a config folder or named volume.</summary>
    public string VolumeSize { get; init; } = "10Gi";

    /// <summary>Size of the media claim.</summary>
    public string MediaSize { get; init; } = "1Ti";

    /// <summary>Storage class of the claims, or null for the cluster's default.</summary>
    public string? StorageClass { get; init; }

    /// <summary>The domain of the public apps' routes.</summary>
    public string Domain { get; init; } = "home";

    /// <summary>The Traefik entry points of the HTTP routes, e.g. <c>websecure</c>.</summary>
    public IReadOnlyList<string> EntryPoints { get; init; } = ["websecure"];

    /// <summary>The host browsers use for Plex.</summary>
    public string PlexHost { get; init; } = "plex.home";

    /// <summary>Plex's <c>ADVERTISE_IP</c> for the cluster, or null to keep the model's.</summary>
    public string? PlexAdvertiseUrls { get; init; }

    /// <summary><c>*</c> or <c>plex.direct</c>.</summary>
    public string PlexSni { get; init; } = "*";

    /// <summary>The cluster's pod range, a CIDR.</summary>
    public string PodCidr { get; init; } = "10.42.0.0/16";

    /// <summary>The cluster's Service range, a CIDR.</summary>
    public string ServiceCidr { get; init; } = "10.43.0.0/16";

    /// <summary>Reads section <c>Kubernetes</c>; throws one line per value the API server or Traefik would refuse or misread (all of them).</summary>
    public static KubernetesOptions From(IConfiguration? configuration)
    {
        var section = configuration?.GetSection("Kubernetes");
        string Get(string key, string fallback) => section?[key] is { Length: > 0 } value ? value : fallback;
        var options = new KubernetesOptions
        {
            Namespace = Get("Namespace", "servarr"),
            TraefikNamespace = Get("TraefikNamespace", "traefik"),
            Storage = Get("Storage", "hostPath"),
            VolumeSize = Get("VolumeSize", "10Gi"),
            MediaSize = Get("MediaSize", "1Ti"),
            StorageClass = section?["StorageClass"] is { Length: > 0 } storageClass ? storageClass : null,
            Domain = Get("Domain", "home"),
            EntryPoints = Get("EntryPoints", "websecure").Split(',').Select(e => e.Trim()).ToList(),
            PlexHost = Get("PlexHost", "plex.home"),
            PlexSni = Get("PlexSni", "*"),
            PlexAdvertiseUrls = section?["PlexAdvertiseUrls"] is { Length: > 0 } advertise ? advertise : null,
            PodCidr = Get("PodCidr", "10.42.0.0/16"),
            ServiceCidr = Get("ServiceCidr", "10.43.0.0/16"),
        };
        var problems = KubernetesOptionChecks.Problems(options).ToList();
        problems.AddRange(KubernetesOptionChecks.UnknownKeys(section?.GetChildren().Select(c => c.Key) ?? []));
        return problems.Count == 0 ? options : throw new ServarrException(string.Join('\n', problems));
    }
}
