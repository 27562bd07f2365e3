namespace Servarr.Hosting.ApplicationModel;

/// <summary>qBittorrent: the download client, meant to run behind the VPN.</summary>
/// <param name="name">The resource name.</param>
public sealed class QBittorrentResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
