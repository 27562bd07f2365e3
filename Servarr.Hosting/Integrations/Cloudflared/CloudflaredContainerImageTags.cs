namespace Servarr.Hosting;

/// <summary>The pinned Cloudflared image.</summary>
internal static class CloudflaredContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "cloudflare/cloudflared";
    public const string Tag = "2026.8.2";
}
