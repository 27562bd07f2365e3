namespace Servarr.Hosting;

/// <summary>The pinned Sonarr image (LinuxServer.io build).</summary>
internal static class SonarrContainerImageTags
{
    public const string Registry = "lscr.io";
    public const string Image = "linuxserver/sonarr";
    public const string Tag = "4.0.19.2979-ls316";
}
