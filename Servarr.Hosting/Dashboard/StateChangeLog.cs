using Microsoft.Extensions.Logging;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting.Dashboard;

/// <summary>The AppHost's structured log of state changes (resource, state, health, reason as separate fields), one entry per change of state or health.</summary>
public sealed partial class StateChangeLog(ILogger logger)
{
    private readonly Dictionary<string, (ResourceState, string?)> _last = new(StringComparer.Ordinal);

    /// <summary>Logs <paramref name="snapshot"/> when its state or health changed.</summary>
    public void Write(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_last)
        {
            if (_last.TryGetValue(snapshot.Name, out var last) && last == (snapshot.State, snapshot.Health))
            {
                return;
            }

            _last[snapshot.Name] = (snapshot.State, snapshot.Health);
        }

        if (snapshot.State is ResourceState.FailedToStart or ResourceState.RuntimeUnhealthy)
        {
            Failed(logger, snapshot.Name, snapshot.State, snapshot.Reason ?? "");
        }
        else
        {
            Changed(logger, snapshot.Name, snapshot.State, snapshot.Health ?? "none", snapshot.Reason ?? "");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Resource} is {State} (health {Health}) {Reason}")]
    private static partial void Changed(ILogger logger, string resource, ResourceState state, string health, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Resource} is {State}: {Reason}")]
    private static partial void Failed(ILogger logger, string resource, ResourceState state, string reason);
}
