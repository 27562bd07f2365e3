using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.QBittorrent;

namespace Servarr.Hosting;

/// <summary>Adds qBittorrent.</summary>
public static class QBittorrentBuilderExtensions
{
    /// <summary>The web UI / API port.</summary>
    public const int WebUiPort = 8080;

    /// <summary>The port peers connect to (TCP and UDP).</summary>
    public const int TorrentingPort = 6881;

    /// <summary>
    /// Adds qBittorrent with its web UI on 8080, the torrent port 6881 (TCP and UDP), its config under the config root,
    /// and the media root at <c>/data</c>. On its first start qBittorrent is given <see cref="QBittorrentConfigSeed.Default"/>:
    /// downloads in <c>/data/torrents</c>, incomplete ones in <c>/data/torrents/incomplete</c>, categories <c>tv</c> and
    /// <c>movies</c> in folders of their own — the image's own default, <c>/downloads</c>, is not on a mount. Put it behind
    /// the VPN with <c>.WithVpn(gluetun)</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// var qbittorrent = builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun);
    /// </code>
    /// </example>
    public static IResourceBuilder<QBittorrentResource> AddQBittorrent(this IDistributedApplicationBuilder builder, string name,
        HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        var password = builder.AddGeneratedSecret($"{name}-password", 32,
            $"Password of {name}'s WebUI, user {QBittorrentResource.WebUiUsername} (generated once, kept in user-secrets; only its hash reaches {name}'s first-start config, in published files only when set while publishing)");
        return builder.AddResource(new QBittorrentResource(name, password.Resource))
            .WithImage($"{QBittorrentContainerImageTags.Registry}/{QBittorrentContainerImageTags.Image}", QBittorrentContainerImageTags.Tag)
            .WithHttpEndpoint(targetPort: WebUiPort)
            .WithLoopbackPort() // its WebUI: 127.0.0.1:8080 on the server, over SSH
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithEndpoint(targetPort: TorrentingPort, scheme: "tcp", name: "torrent")
            .WithEndpoint(targetPort: TorrentingPort, scheme: "udp", name: "torrent-udp", protocol: System.Net.Sockets.ProtocolType.Udp)
            // The manifest schema's transports are http, http2 and tcp; "udp" (Aspire's default for a udp scheme) is refused.
            .WithEndpoint("torrent-udp", endpoint => endpoint.Transport = "tcp")
            .WithLinuxServerEnvironment(host).WithLinuxServerCapabilities()
            .WithEnvironment("WEBUI_PORT", WebUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("TORRENTING_PORT", TorrentingPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithConfigMount(host)
            .WithMediaMount(host)
            .WithConfigSeed(host, QBittorrentConfigSeed.Default)
            .WithHealthPath("/")
            .WithCurlHealthCheck(WebUiPort, "/");
    }

    /// <summary>
    /// Chooses the settings qBittorrent gets on its first start (a LinuxServer init script, mounted read-only at
    /// <see cref="QBittorrentConfigSeed.Target"/>; run mode writes it to <c>&lt;config root&gt;/.servarr/&lt;name&gt;/</c>,
    /// compose beside the compose file, Kubernetes into a ConfigMap). A config that already exists is never changed.
    /// The model adds the WebUI login and the VPN binding when it renders the script: user
    /// <see cref="QBittorrentResource.WebUiUsername"/> with the hash of <see cref="QBittorrentResource.WebUiPassword"/>
    /// (run mode knows the value; publishing only when it is configured, else qBittorrent prints a temporary password), and,
    /// behind <c>.WithVpn(gluetun)</c>, BitTorrent bound to the tunnel's interface (a second kill switch).
    /// </summary>
    /// <example><code>qbittorrent.WithConfigSeed(host, new QBittorrentConfigSeed("/data/downloads", [("tv", "tv"), ("movies", "films")]));</code></example>
    public static IResourceBuilder<QBittorrentResource> WithConfigSeed(this IResourceBuilder<QBittorrentResource> builder, HostSettings host,
        QBittorrentConfigSeed seed)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(seed);
        var hostPath = ServarrExpressions.FromParts([host.ConfigRoot.Resource, $"/.servarr/{builder.Resource.Name}/seed-config.sh"]);
        var resource = builder.Resource;
        return builder.WithAnnotation(new GeneratedFileAnnotation(hostPath, QBittorrentConfigSeed.Target, context => (seed with
        {
            PasswordHash = seed.PasswordHash ?? context.Derive(resource.WebUiPassword, QBittorrentPassword.Hash),
            NetworkInterface = seed.NetworkInterface ?? (resource.GetVpnGateway() as IVpnGatewayResource)?.TunnelInterface,
        }).RenderScript(), [resource.WebUiPassword]), ResourceAnnotationMutationBehavior.Replace);
    }
}
