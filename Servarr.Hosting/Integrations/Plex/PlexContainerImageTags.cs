namespace Servarr.Hosting;

/// <summary>The pinned Plex image.</summary>
internal static class PlexContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "plexinc/pms-docker";
    public const string Tag = "1.43.3.10828-00f62d37d";
}
