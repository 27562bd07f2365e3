namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A top-level named volume.</summary>
public sealed class ComposeVolume
{
    /// <summary>The driver; <c>local</c>.</summary>
    public string Driver { get; set; } = "local";
}
