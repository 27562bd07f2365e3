using System.Collections.Concurrent;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Keeps each container's snapshot current at little cost: the engine's event stream (start, die, health changes)
/// wakes it at once; a container that is not yet healthy is inspected and probed every <see cref="PollInterval"/>, a
/// healthy or ended one only every <see cref="SteadyInterval"/> (its probe can still fail without a Docker event).
/// A container whose only check is a command inside it has that command run by the AppHost too, until Docker's own
/// first check has answered.
/// </summary>
internal sealed class ContainerMonitor(IContainerRuntime runtime, RunState state, HealthProber prober, IReadOnlyDictionary<string, string> ids)
{
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>How often a container that is starting or unhealthy is checked.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a healthy or ended container is checked when no event arrives.</summary>
    public TimeSpan SteadyInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Asks for <paramref name="resource"/> to be checked now.</summary>
    public void Touch(string resource)
    {
        _dirty[resource] = 0;
        Wake();
    }

    /// <summary>Follows every container of <paramref name="plan"/> until cancelled.</summary>
    public async Task RunAsync(StartPlan plan, RunContext run, CancellationToken cancellationToken)
    {
        var events = Task.Run(() => WatchEventsAsync(run, cancellationToken), cancellationToken);
        var due = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var container in plan.Containers)
                {
                    var now = DateTimeOffset.UtcNow;
                    var touched = _dirty.TryRemove(container.Name, out _);
                    if (!ids.TryGetValue(container.Name, out var id) || (!touched && due.TryGetValue(container.Name, out var next) && now < next))
                    {
                        continue;
                    }

                    try
                    {
                        var snapshot = await CheckAsync(container, id, run, cancellationToken).ConfigureAwait(false);
                        state.Set(snapshot);
                        due[container.Name] = now + (snapshot.IsHealthy || snapshot.IsTerminal ? SteadyInterval : PollInterval);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // One failed engine call (a container mid-restart, a hiccup) must not stop following the stack:
                        // keep the last state and look again at the next poll.
                        due[container.Name] = now + PollInterval;
                    }
                }

                await _wake.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await events.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<ResourceSnapshot> CheckAsync(ContainerResource container, string id, RunContext run, CancellationToken cancellationToken)
    {
        var status = await runtime.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
        var probe = status?.Status == "running" ? ContainerStateMapper.HealthProbe(container, run) : null;
        var healthy = await prober.ProbeAsync(probe, cancellationToken).ConfigureAwait(false);
        if (probe is null && status is { Status: "running", Health: "starting" } && container.TryGetLastAnnotation<ContainerHealthCheckAnnotation>(out var check))
        {
            // Docker runs the first check only one interval after start (engines before API 1.44 have no start_interval):
            // until it has answered, the AppHost runs the same command itself each poll.
            healthy = await runtime.ExecAsync(id, check.Command, check.Timeout, cancellationToken).ConfigureAwait(false) == 0;
        }

        return ContainerStateMapper.ToSnapshot(container, id, status, run, healthy);
    }

    private async Task WatchEventsAsync(RunContext run, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string> { [ServarrLabels.App] = run.AppName };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await runtime.WatchEventsAsync(labels, OnEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Polling goes on without events; try the stream again shortly.
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnEvent(string containerId)
    {
        foreach (var (name, id) in ids)
        {
            if (id == containerId)
            {
                Touch(name);
            }
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }
}
