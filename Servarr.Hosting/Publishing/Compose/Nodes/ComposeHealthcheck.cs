using YamlDotNet.Serialization;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A service healthcheck.</summary>
public sealed class ComposeHealthcheck
{
    /// <summary><c>["CMD", program, args...]</c>.</summary>
    [YamlMember(Alias = "test")]
    public required List<string> Test { get; set; }

    /// <summary>E.g. <c>15s</c>.</summary>
    [YamlMember(Alias = "interval")]
    public string? Interval { get; set; }

    /// <summary>E.g. <c>5s</c>.</summary>
    [YamlMember(Alias = "timeout")]
    public string? Timeout { get; set; }

    /// <summary>Failures in a row before unhealthy.</summary>
    [YamlMember(Alias = "retries")]
    public int? Retries { get; set; }

    /// <summary>Grace time after start.</summary>
    [YamlMember(Alias = "start_period")]
    public string? StartPeriod { get; set; }
}
