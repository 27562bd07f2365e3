namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// A service mount, written in the short syntax <c>source:target[:ro]</c>: unlike the long syntax, docker-compose
/// 1.29 and Compose v2 both create a missing host folder for it (the long syntax's <c>create_host_path</c> is
/// unknown to 1.29), so a first <c>up</c> works before any config folder exists. A host path with a ':' in it is written
/// in the long syntax (<see cref="LongSyntax"/>), where ':' is not a separator; that folder must exist before <c>up</c>.
/// </summary>
public sealed class ComposeServiceVolume
{
    /// <summary><c>bind</c> or <c>volume</c>.</summary>
    public required string Type { get; set; }

    /// <summary>Host path or volume name.</summary>
    public required string Source { get; set; }

    /// <summary>Path in the container.</summary>
    public required string Target { get; set; }

    /// <summary>True for read-only mounts.</summary>
    public bool? ReadOnly { get; set; }

    /// <summary>True: written as a mapping (type, source, target, read_only), e.g. for a source with ':'.</summary>
    public bool LongSyntax { get; set; }

    /// <summary>The short syntax.</summary>
    public override string ToString() => $"{Source}:{Target}{(ReadOnly == true ? ":ro" : "")}";
}
