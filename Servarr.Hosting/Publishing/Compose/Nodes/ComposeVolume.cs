using YamlDotNet.Serialization;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A top-level named volume.</summary>
public sealed class ComposeVolume
{
    /// <summary>The driver; <c>local</c>.</summary>
    [YamlMember(Alias = "driver")]
    public string Driver { get; set; } = "local";
}
