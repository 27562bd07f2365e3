namespace Servarr.Hosting;

/// <summary>The pinned Seerr image.</summary>
internal static class SeerrContainerImageTags
{
    public const string Registry = "ghcr.io";
    public const string Image = "seerr-team/seerr";
    public const string Tag = "v3.4.1";
}
