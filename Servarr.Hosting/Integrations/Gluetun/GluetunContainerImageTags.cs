namespace Servarr.Hosting;

/// <summary>The pinned Gluetun image.</summary>
internal static class GluetunContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "qmcgaw/gluetun";
    public const string Tag = "v3.41.1";
}
