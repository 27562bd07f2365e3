namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A top-level network.</summary>
public sealed class ComposeNetwork
{
    /// <summary>The driver; <c>bridge</c>.</summary>
    public string Driver { get; set; } = "bridge";
}
