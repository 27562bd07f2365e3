namespace Servarr.Hosting.Publishing.Compose;

/// <summary>The top level of <c>docker-compose.yaml</c>. No <c>name:</c>: the project name lives in <c>.env</c> so docker-compose 1.29 accepts the file.</summary>
public sealed class ComposeFile
{
    /// <summary>Services by name, in model order.</summary>
    public Dictionary<string, ComposeService> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>Named networks.</summary>
    public Dictionary<string, ComposeNetwork>? Networks { get; set; }

    /// <summary>Named volumes.</summary>
    public Dictionary<string, ComposeVolume>? Volumes { get; set; }
}
