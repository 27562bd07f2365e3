namespace Servarr.Hosting;

/// <summary>The pinned Wizarr image.</summary>
internal static class WizarrContainerImageTags
{
    public const string Registry = "ghcr.io";
    public const string Image = "wizarrrr/wizarr";
    public const string Tag = "v2026.7.1";
}
