namespace Servarr.Hosting.ApplicationModel;

/// <summary>qBittorrent: the download client, meant to run behind the VPN.</summary>
/// <example>
/// <code>
/// var qbittorrent = builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun);
/// // another app's settings: user QBittorrentResource.WebUiUsername, password qbittorrent.Resource.WebUiPassword
/// </code>
/// </example>
public sealed class QBittorrentResource : ContainerResource
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";

    /// <summary>The WebUI user the config seed creates (qBittorrent has one WebUI user).</summary>
    public const string WebUiUsername = "servarr";

    /// <summary>Creates the resource; <paramref name="webUiPassword"/> is the WebUI password, a secret parameter.</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="webUiPassword">The password of <see cref="WebUiUsername"/>, e.g. the generated <c>qbittorrent-password</c>.</param>
    public QBittorrentResource(string name, ParameterResource webUiPassword) : base(name)
    {
        ArgumentNullException.ThrowIfNull(webUiPassword);
        if (!webUiPassword.Secret)
        {
            throw new ArgumentException($"qBittorrent's WebUI password '{webUiPassword.Name}' must be a secret parameter.", nameof(webUiPassword));
        }

        WebUiPassword = webUiPassword;
    }

    /// <summary>
    /// The WebUI password (secret): only its hash reaches qBittorrent's config (see
    /// <see cref="Integrations.QBittorrent.QBittorrentPassword"/>); apps that log in to qBittorrent get the value itself.
    /// </summary>
    public ParameterResource WebUiPassword { get; }
}
