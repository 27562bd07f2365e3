using Servarr.Hosting.ApplicationModel;

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
    /// and the media root at <c>/data</c> (downloads land in <c>/data/torrents</c>). Put it behind the VPN with
    /// <c>.WithVpn(gluetun)</c>.
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
        return builder.AddResource(new QBittorrentResource(name))
            .WithImage($"{QBittorrentContainerImageTags.Registry}/{QBittorrentContainerImageTags.Image}", QBittorrentContainerImageTags.Tag)
            .WithHttpEndpoint(targetPort: WebUiPort)
            .WithEndpoint(targetPort: TorrentingPort, scheme: "tcp", name: "torrent")
            .WithEndpoint(targetPort: TorrentingPort, scheme: "udp", name: "torrent-udp", protocol: EndpointProtocol.Udp)
            .WithLinuxServerEnvironment(host)
            .WithEnvironment("WEBUI_PORT", WebUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("TORRENTING_PORT", TorrentingPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithConfigMount(host)
            .WithMediaMount(host)
            .WithHttpHealthCheck("/")
            .WithCurlHealthCheck(WebUiPort, "/");
    }
}
