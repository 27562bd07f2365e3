namespace Servarr.Hosting;

/// <summary>The pinned AutoKuma image (the Uptime Kuma 2 build; 2.0.0 is the latest stable release).</summary>
internal static class AutoKumaContainerImageTags
{
    public const string Registry = "ghcr.io";
    public const string Image = "bigboot/autokuma";
    public const string Tag = "2.0.0";
}
