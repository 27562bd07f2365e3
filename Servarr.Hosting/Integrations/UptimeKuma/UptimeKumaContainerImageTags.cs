namespace Servarr.Hosting;

/// <summary>The pinned UptimeKuma image.</summary>
internal static class UptimeKumaContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "louislam/uptime-kuma";
    public const string Tag = "2.5.3";
}
