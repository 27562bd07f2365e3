using System.Collections.Concurrent;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Runs the model on one container engine: sweeps what an earlier, killed run left, creates the app's network and
/// volumes, starts every container as soon as what it waits for is ready (independent ones in parallel), follows
/// their state, and on stop removes the session's containers (persistent ones stay; volumes always stay).
/// </summary>
public sealed partial class ApplicationOrchestrator(IContainerRuntime runtime, RunState state) : IAsyncDisposable
{
    /// <summary>Restarts after which a dependency that never got ready counts as crashing, and its waiters fail.</summary>
    public const int CrashLoopRestarts = 3;

    /// <summary>How long a container gets to stop on SIGTERM before it is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _logPumps = [];
    private readonly HealthProber _prober = new();
    private DistributedApplicationModel? _model;
    private ContainerMonitor? _monitor;
    private StartPlan? _plan;
    private RunContext? _run;
    private PullPolicy _pull;
    private Task? _work;

    /// <summary>How often a container that is starting or unhealthy is checked (engine events wake the check at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a healthy or ended container is checked when no engine event arrives.</summary>
    public TimeSpan SteadyInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The live state of every resource.</summary>
    public RunState State => state;

    /// <summary>The latest console lines of every container.</summary>
    public ResourceLogBuffer Logs { get; } = new();

    /// <summary>Raised for every console line: resource name, line, from stderr.</summary>
    public event Action<string, string, bool>? LogLine;

    /// <summary>Starts the stack and returns at once; containers come up in the background as their prerequisites are met.</summary>
    public async Task StartAsync(DistributedApplicationModel model, RunContext run, PullPolicy pull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        _model = model;
        var plan = StartPlan.Create(model);
        var appLabels = new Dictionary<string, string> { [ServarrLabels.App] = run.AppName };
        await SweepEarlierSessionsAsync(run, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureNetworkAsync(run.NetworkName, appLabels, cancellationToken).ConfigureAwait(false);
        foreach (var network in model.Networks)
        {
            await runtime.EnsureNetworkAsync(run.DockerNetworkName(network.Name), appLabels, cancellationToken).ConfigureAwait(false);
        }

        foreach (var volume in model.Containers.SelectMany(c => c.GetMounts()).Where(m => m.Type == ContainerMountType.Volume).Select(m => m.VolumeName!).Distinct())
        {
            await runtime.EnsureVolumeAsync(volume, appLabels, cancellationToken).ConfigureAwait(false);
        }

        (_plan, _pull, _run) = (plan, pull, run);
        SetGate(new ParameterGate(model, run.Parameters, plan));
        plan.Containers.ToList().ForEach(c => state.Set(new ResourceSnapshot(c.Name, ResourceState.NotStarted)));
        var token = _stopping.Token;
        var starts = plan.Containers.Select(c => Task.Run(() => StartOneAsync(c, plan, pull, token), token));
        _monitor = new ContainerMonitor(runtime, state, _prober, _ids) { PollInterval = PollInterval, SteadyInterval = SteadyInterval };
        var monitor = Task.Run(() => _monitor.RunAsync(plan, run, token), token);
        _work = Task.WhenAll([.. starts, monitor]);
    }

    /// <summary>Stops following the stack and removes the session's containers; persistent containers keep running.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_work is not null)
            {
                await _work.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await Task.WhenAll(_logPumps).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
        }

        var session = _model?.Containers.Where(c => c.GetLifetime() == ContainerLifetime.Session).Select(c => c.Name).ToHashSet() ?? [];
        var removals = _ids.Where(i => session.Contains(i.Key)).Select(async i =>
        {
            await runtime.RemoveContainerAsync(i.Value, StopTimeout, cancellationToken).ConfigureAwait(false);
            state.Set(state.Get(i.Key) with { State = ResourceState.Exited, Health = null, Reason = "stopped", Urls = null });
        });
        await Task.WhenAll(removals).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _stopping.Dispose();
        _prober.Dispose();
    }

    private async Task SweepEarlierSessionsAsync(RunContext run, CancellationToken cancellationToken)
    {
        var ours = await runtime.FindContainersAsync(new Dictionary<string, string> { [ServarrLabels.App] = run.AppName }, cancellationToken).ConfigureAwait(false);
        var orphans = ours.Where(c => c.Labels.TryGetValue(ServarrLabels.Session, out var session) && session != run.SessionId);
        await Task.WhenAll(orphans.Select(o => runtime.RemoveContainerAsync(o.Id, TimeSpan.FromSeconds(2), cancellationToken))).ConfigureAwait(false);
    }

    private async Task StartOneAsync(ContainerResource container, StartPlan plan, PullPolicy pull, CancellationToken cancellationToken)
    {
        var name = container.Name;
        if (!await WaitForParametersAsync(container, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var spec = ContainerSpecMapper.Map(container, _model!, _run!);
        var root = OrchestrationTelemetry.StartResource(name, spec.Parameters.Image);
        var handedOver = false;
        try
        {
            using (OrchestrationTelemetry.Step("wait-dependencies", root, name))
            {
                foreach (var prerequisite in plan.PrerequisitesOf(container))
                {
                    if (await WaitForPrerequisiteAsync(container, prerequisite, cancellationToken).ConfigureAwait(false) is { } reason)
                    {
                        state.Set(new ResourceSnapshot(name, ResourceState.FailedToStart, Reason: reason));
                        OrchestrationTelemetry.Fail(root, reason);
                        return;
                    }
                }
            }

            state.Set(new ResourceSnapshot(name, ResourceState.Starting, Reason: "preparing"));
            await GeneratedFiles.WriteAsync(_model!, _run!, container, cancellationToken).ConfigureAwait(false);
            await EnsureImageAsync(name, spec.Parameters.Image, pull, root, cancellationToken).ConfigureAwait(false);
            var id = await AdoptOrCreateAsync(container, spec, root, cancellationToken).ConfigureAwait(false);
            _ids[name] = id;
            _logPumps.Add(Task.Run(() => FollowLogsAsync(name, id, cancellationToken), cancellationToken));
            state.Set(new ResourceSnapshot(name, ResourceState.Starting, ContainerId: id));
            _monitor?.Touch(name);
            handedOver = true;
            _logPumps.Add(Task.Run(() => WaitHealthyAsync(name, root, cancellationToken), cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            var reason = exception.Message.ReplaceLineEndings(" ").Trim();
            state.Set(new ResourceSnapshot(name, ResourceState.FailedToStart, Reason: reason));
            OrchestrationTelemetry.Fail(root, reason);
        }
        finally
        {
            if (!handedOver)
            {
                root?.Dispose();
            }
        }
    }

    private async Task EnsureImageAsync(string name, string image, PullPolicy pull, System.Diagnostics.Activity? root, CancellationToken cancellationToken)
    {
        var present = await runtime.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false);
        if (pull == PullPolicy.Always || (!present && pull == PullPolicy.Missing))
        {
            using var step = OrchestrationTelemetry.Step("pull", root, name);
            var tracker = new PullProgressTracker(image);
            state.Set(new ResourceSnapshot(name, ResourceState.Starting, Reason: tracker.Line()));
            var progress = new InlineProgress<PullProgress>(p =>
            {
                lock (tracker)
                {
                    state.Set(new ResourceSnapshot(name, ResourceState.Starting, Reason: tracker.Report(p)));
                }
            });
            await runtime.PullImageAsync(image, progress, cancellationToken).ConfigureAwait(false);
        }
        else if (!present)
        {
            throw new InvalidOperationException($"image {image} is not present and --pull never was given");
        }
    }

    /// <summary>Ends the resource's trace when it is healthy (or will not be).</summary>
    private async Task WaitHealthyAsync(string name, System.Diagnostics.Activity? root, CancellationToken cancellationToken)
    {
        using (root)
        {
            using var step = OrchestrationTelemetry.Step("wait-healthy", root, name);
            var reached = await state.WaitAsync(name, s => s.IsHealthy || s.IsTerminal, cancellationToken).ConfigureAwait(false);
            if (!reached.IsHealthy)
            {
                OrchestrationTelemetry.Fail(step, $"{reached.State}: {reached.Reason}");
                OrchestrationTelemetry.Fail(root, $"{reached.State}: {reached.Reason}");
            }
        }
    }

    private async Task<string> AdoptOrCreateAsync(ContainerResource container, ContainerSpec spec, System.Diagnostics.Activity? root,
        CancellationToken cancellationToken)
    {
        var existing = await runtime.FindContainerByNameAsync(container.Name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var labels = spec.Parameters.Labels;
            if (!existing.Labels.TryGetValue(ServarrLabels.App, out var app) || app != labels[ServarrLabels.App])
            {
                throw new InvalidOperationException($"a container named '{container.Name}' exists and is not part of this app; remove or rename it (docker rm -f {container.Name})");
            }

            var unchanged = existing.Labels.TryGetValue(ServarrLabels.SpecHash, out var hash) && hash == spec.SpecHash;
            if (container.GetLifetime() == ContainerLifetime.Persistent && unchanged)
            {
                if (!existing.Running)
                {
                    await runtime.StartContainerAsync(existing.Id, cancellationToken).ConfigureAwait(false);
                }

                return existing.Id;
            }

            await runtime.RemoveContainerAsync(existing.Id, StopTimeout, cancellationToken).ConfigureAwait(false);
        }

        string id;
        using (OrchestrationTelemetry.Step("create", root, container.Name))
        {
            id = await runtime.CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        }

        using (OrchestrationTelemetry.Step("start", root, container.Name))
        {
            await runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    private async Task FollowLogsAsync(string name, string id, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.FollowLogsAsync(id, (line, isError) =>
            {
                Logs.Append(name, line, isError);
                LogLine?.Invoke(name, line, isError);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logs.Append(name, $"[servarr] console output stopped: {exception.Message}", isError: true);
        }
    }
}
