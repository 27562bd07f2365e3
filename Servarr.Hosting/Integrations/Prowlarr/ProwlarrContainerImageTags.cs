namespace Servarr.Hosting;

/// <summary>The pinned Prowlarr image (LinuxServer.io build).</summary>
internal static class ProwlarrContainerImageTags
{
    public const string Registry = "lscr.io";
    public const string Image = "linuxserver/prowlarr";
    public const string Tag = "2.5.2.5491-ls155";
}
