using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>Names, labels and snapshot property names used for VPN apps (pure functions).</summary>
public static class VpnNames
{
    /// <summary>Label on every container Servarr creates in a gateway's namespace: the resource name (<see cref="ServarrLabels.Resource"/>).</summary>
    public const string ResourceLabel = ServarrLabels.Resource;

    /// <summary>Label: the AppHost session that created the container.</summary>
    public const string SessionLabel = "servarr.vpn.session";

    /// <summary>Label: the process id of the AppHost that created the container (a dead one means a leftover).</summary>
    public const string OwnerPidLabel = "servarr.vpn.owner-pid";

    /// <summary>Label: the machine the owning AppHost ran on.</summary>
    public const string OwnerHostLabel = "servarr.vpn.owner-host";

    /// <summary>Label: the gateway container id whose namespace the container joined.</summary>
    public const string GatewayLabel = "servarr.vpn.gateway-id";

    /// <summary>Aspire's snapshot property of a container's image.</summary>
    public const string ContainerImageProperty = "container.image";

    /// <summary>Aspire's snapshot property of a container's ports.</summary>
    public const string ContainerPortsProperty = "container.ports";

    /// <summary>Aspire's snapshot property of a container's lifetime.</summary>
    public const string ContainerLifetimeProperty = "container.lifetime";

    /// <summary>Servarr's snapshot property: the gateway the app lives behind.</summary>
    public const string GatewayProperty = "vpn.gateway";

    /// <summary>The name of the gateway endpoint that publishes <paramref name="endpoint"/> of <paramref name="app"/>.</summary>
    public static string MirrorEndpointName(string app, string endpoint) => $"{app}-{endpoint}";

    /// <summary>The Docker container name: <c>&lt;resource&gt;-&lt;suffix&gt;</c>.</summary>
    /// <example><code>VpnNames.ContainerName("sonarr", "ab12cd34") // "sonarr-ab12cd34"</code></example>
    public static string ContainerName(string resource, string suffix) => $"{resource}-{suffix}";

    /// <summary>Builds an image reference from Aspire's image parts.</summary>
    /// <example><code>VpnNames.ImageReference("lscr.io", "linuxserver/sonarr", "4.0", null) // "lscr.io/linuxserver/sonarr:4.0"</code></example>
    public static string ImageReference(string? registry, string image, string? tag, string? sha256)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = string.IsNullOrEmpty(registry) ? image : $"{registry}/{image}";
        return sha256 is { Length: > 0 } ? $"{name}@sha256:{sha256}" : string.IsNullOrEmpty(tag) ? throw new ArgumentException($"Image {name} has no tag; pin one.", nameof(tag)) : $"{name}:{tag}";
    }
}
