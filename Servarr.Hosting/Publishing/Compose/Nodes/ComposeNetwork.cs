using YamlDotNet.Serialization;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A top-level network.</summary>
public sealed class ComposeNetwork
{
    /// <summary>The driver; <c>bridge</c>.</summary>
    [YamlMember(Alias = "driver")]
    public string Driver { get; set; } = "bridge";
}
