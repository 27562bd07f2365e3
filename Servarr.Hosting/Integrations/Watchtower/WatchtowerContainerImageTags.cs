namespace Servarr.Hosting;

/// <summary>The pinned Watchtower image.</summary>
internal static class WatchtowerContainerImageTags
{
    public const string Registry = "ghcr.io";
    public const string Image = "nicholas-fedor/watchtower";
    public const string Tag = "1.8.0";
}
