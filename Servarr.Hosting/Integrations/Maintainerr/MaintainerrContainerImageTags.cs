namespace Servarr.Hosting;

/// <summary>The pinned Maintainerr image.</summary>
internal static class MaintainerrContainerImageTags
{
    public const string Registry = "ghcr.io";
    public const string Image = "maintainerr/maintainerr";
    public const string Tag = "3.24.0";
}
