namespace Servarr.Hosting;

/// <summary>The pinned QBittorrent image.</summary>
internal static class QBittorrentContainerImageTags
{
    public const string Registry = "lscr.io";
    public const string Image = "linuxserver/qbittorrent";
    public const string Tag = "5.2.3_v2.0.13-ls469";
}
