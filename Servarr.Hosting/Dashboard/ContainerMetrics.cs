using System.Diagnostics.Metrics;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting.Dashboard;

/// <summary>
/// One container's metrics from the engine's stats stream — CPU, memory, network received/sent, restarts — on a meter
/// of its own (<c>Servarr.Container.&lt;name&gt;</c>), so each can be exported with the container's own
/// <c>service.name</c> and the dashboard files them under that resource.
/// </summary>
public sealed class ContainerMetrics : IDisposable
{
    private readonly Meter _meter;
    private ContainerStats? _latest;
    private long _restarts;

    /// <summary>Creates the instruments for <paramref name="resource"/>.</summary>
    public ContainerMetrics(string resource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        Resource = resource;
        _meter = new Meter(MeterName(resource));
        _meter.CreateObservableGauge("container.cpu.usage", () => Observe(s => s.CpuPercent), "%", "CPU use in percent of one core");
        _meter.CreateObservableGauge("container.memory.usage", () => Observe(s => s.MemoryBytes), "By", "Memory in use");
        _meter.CreateObservableCounter("container.network.received", () => Observe(s => s.NetworkReceivedBytes), "By", "Bytes received");
        _meter.CreateObservableCounter("container.network.sent", () => Observe(s => s.NetworkSentBytes), "By", "Bytes sent");
        _meter.CreateObservableCounter("container.restarts", () => Interlocked.Read(ref _restarts), "{restart}", "Restarts by the engine");
    }

    /// <summary>The resource measured.</summary>
    public string Resource { get; }

    /// <summary>The meter name for <paramref name="resource"/>.</summary>
    public static string MeterName(string resource) => $"Servarr.Container.{resource}";

    /// <summary>Records the latest sample.</summary>
    public void Record(ContainerStats stats) => Volatile.Write(ref _latest, stats);

    /// <summary>Records the restart count the engine reports.</summary>
    public void RecordRestarts(long restarts) => Interlocked.Exchange(ref _restarts, restarts);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<T>> Observe<T>(Func<ContainerStats, T> value) where T : struct =>
        Volatile.Read(ref _latest) is { } latest ? [new Measurement<T>(value(latest))] : [];
}
