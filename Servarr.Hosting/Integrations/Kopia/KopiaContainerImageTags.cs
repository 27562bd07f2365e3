namespace Servarr.Hosting;

/// <summary>The pinned Kopia image.</summary>
internal static class KopiaContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "kopia/kopia";
    public const string Tag = "0.23.1";
}
