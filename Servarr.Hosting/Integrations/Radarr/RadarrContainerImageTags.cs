namespace Servarr.Hosting;

/// <summary>The pinned Radarr image (LinuxServer.io build).</summary>
internal static class RadarrContainerImageTags
{
    public const string Registry = "lscr.io";
    public const string Image = "linuxserver/radarr";
    public const string Tag = "6.2.1.10461-ls308";
}
