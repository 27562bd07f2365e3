namespace Servarr.Hosting;

/// <summary>The pinned Tautulli image.</summary>
internal static class TautulliContainerImageTags
{
    public const string Registry = "ghcr.io";
    public const string Image = "tautulli/tautulli";
    public const string Tag = "v2.17.2";
}
