using System.Globalization;

namespace Servarr.Hosting.Orchestration;

/// <summary>Status as plain timestamped lines, one per change: for CI, logs, and terminals until the live table lands.</summary>
public sealed class PlainStatusWriter(TextWriter output, TimeProvider? time = null)
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Writes one console line of a container, prefixed with its resource name.</summary>
    public void WriteLog(string resource, string line)
    {
        lock (_gate)
        {
            output.WriteLine($"[{resource}] {line}");
            output.Flush();
        }
    }

    /// <summary>Writes one line for <paramref name="snapshot"/>.</summary>
    public void Write(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var line = $"{_time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {snapshot.Name,-14} {snapshot.State}"
            + (snapshot.Health is { } health ? $" ({health})" : "")
            + (snapshot.Restarts > 0 ? $" restarts={snapshot.Restarts}" : "")
            + (snapshot.Reason is { } reason ? $" — {reason}" : "")
            + (snapshot.Urls is { Count: > 0 } urls ? $" {string.Join(' ', urls)}" : "");
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
