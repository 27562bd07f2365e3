using System.Collections.Concurrent;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting.Dashboard;

/// <summary>Where telemetry goes: the dashboard's OTLP/gRPC endpoint and the key it wants in <c>x-otlp-api-key</c>.</summary>
/// <param name="Endpoint">e.g. <c>http://127.0.0.1:18889</c>.</param>
/// <param name="ApiKey">The dashboard's OTLP API key.</param>
public sealed record OtlpTarget(Uri Endpoint, string ApiKey)
{
    /// <summary>The header list the OTLP exporter sends.</summary>
    public string Headers => $"x-otlp-api-key={ApiKey}";
}

/// <summary>
/// Container metrics for the dashboard: follows each running container's stats stream and exports its
/// <see cref="ContainerMetrics"/> through a meter provider of its own whose resource is <c>service.name</c> =
/// <c>service.instance.id</c> = the resource name (the dashboard then files them under that resource).
/// </summary>
public sealed class DashboardTelemetry : IAsyncDisposable
{
    /// <summary>How often metrics are exported.</summary>
    public static readonly TimeSpan ExportInterval = TimeSpan.FromSeconds(5);

    private readonly IContainerRuntime _runtime;
    private readonly RunState _state;
    private readonly Func<string, MeterProvider?> _providerFor;
    private readonly ConcurrentDictionary<string, (ContainerMetrics Metrics, MeterProvider? Provider, Task Pump, string Id)> _containers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    /// <summary>Follows <paramref name="state"/>; <paramref name="providerFor"/> makes the exporting provider of one resource's meter.</summary>
    public DashboardTelemetry(IContainerRuntime runtime, RunState state, Func<string, MeterProvider?> providerFor)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(providerFor);
        (_runtime, _state, _providerFor) = (runtime, state, providerFor);
        _state.Changed += OnChanged;
    }

    /// <summary>Exports to <paramref name="target"/> over OTLP/gRPC.</summary>
    public static DashboardTelemetry ToOtlp(IContainerRuntime runtime, RunState state, OtlpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new DashboardTelemetry(runtime, state, resource => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(resource, serviceInstanceId: resource))
            .AddMeter(ContainerMetrics.MeterName(resource))
            // One point per instrument: the default of 2,000 preallocated points per stream costs megabytes per container.
            .AddView("*", new MetricStreamConfiguration { CardinalityLimit = 8 })
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = target.Endpoint;
                exporter.Protocol = OtlpExportProtocol.Grpc;
                exporter.Headers = target.Headers;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)ExportInterval.TotalMilliseconds;
            })
            .Build());
    }

    /// <summary>The metrics of <paramref name="resource"/>, once its container runs.</summary>
    public ContainerMetrics? MetricsOf(string resource) => _containers.TryGetValue(resource, out var c) ? c.Metrics : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _state.Changed -= OnChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var (metrics, provider, pump, _) in _containers.Values)
        {
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            provider?.ForceFlush(1000);
            provider?.Dispose();
            metrics.Dispose();
        }

        _stopping.Dispose();
    }

    private void OnChanged(ResourceSnapshot snapshot)
    {
        if (_stopping.IsCancellationRequested || snapshot.ContainerId is not { } id)
        {
            return;
        }

        lock (_gate)
        {
            var entry = _containers.GetOrAdd(snapshot.Name, name => (new ContainerMetrics(name), _providerFor(name), Task.CompletedTask, ""));
            entry.Metrics.RecordRestarts(snapshot.Restarts);
            if (snapshot.State == ResourceState.Running && (entry.Id != id || entry.Pump.IsCompleted))
            {
                // One stats stream per running container; it ends when the container stops and starts again with it.
                var pump = Task.Run(() => _runtime.WatchStatsAsync(id, entry.Metrics.Record, _stopping.Token));
                _containers[snapshot.Name] = entry with { Pump = pump, Id = id };
            }
        }
    }
}
