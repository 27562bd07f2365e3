using YamlDotNet.Serialization;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A service mount in long syntax.</summary>
public sealed class ComposeServiceVolume
{
    /// <summary><c>bind</c> or <c>volume</c>.</summary>
    [YamlMember(Alias = "type")]
    public required string Type { get; set; }

    /// <summary>Host path or volume name.</summary>
    [YamlMember(Alias = "source")]
    public required string Source { get; set; }

    /// <summary>Path in the container.</summary>
    [YamlMember(Alias = "target")]
    public required string Target { get; set; }

    /// <summary>True for read-only mounts; omitted otherwise.</summary>
    [YamlMember(Alias = "read_only")]
    public bool? ReadOnly { get; set; }
}
