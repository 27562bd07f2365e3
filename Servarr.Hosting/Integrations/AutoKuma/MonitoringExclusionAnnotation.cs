namespace Servarr.Hosting.ApplicationModel;

/// <summary>Keeps AutoKuma from deriving monitors for this container (see <c>WithoutMonitoring()</c>).</summary>
public sealed class MonitoringExclusionAnnotation : IResourceAnnotation
{
    /// <summary>Records the opt-out, with why (shown nowhere but the code).</summary>
    public MonitoringExclusionAnnotation(string reason)
    {
        Reason = InputChecks.RequireText(reason, "the reason to leave the app unmonitored", "runs once a day", nameof(reason));
    }

    /// <summary>Why the container is not monitored.</summary>
    public string Reason { get; }
}
