namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A service healthcheck.</summary>
public sealed class ComposeHealthcheck
{
    /// <summary><c>["CMD", program, args...]</c>.</summary>
    public required List<string> Test { get; set; }

    /// <summary>E.g. <c>15s</c>.</summary>
    public string? Interval { get; set; }

    /// <summary>E.g. <c>5s</c>.</summary>
    public string? Timeout { get; set; }

    /// <summary>Failures in a row before unhealthy.</summary>
    public int? Retries { get; set; }

    /// <summary>Grace time after start.</summary>
    public string? StartPeriod { get; set; }
}
