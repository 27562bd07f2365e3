using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>What a container waits for before it is created: its parameters, then its prerequisites.</summary>
public sealed partial class ApplicationOrchestrator
{
    private readonly TaskCompletionSource<ParameterGate> _gateReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Which containers wait for a parameter; <see cref="ParameterGate.Provide"/> starts them. Null before the stack starts.</summary>
    public ParameterGate? Gate { get; private set; }

    /// <summary>Completes with <see cref="Gate"/> once the stack starts (the dashboard's resource service is up before that).</summary>
    public Task<ParameterGate> GateReady => _gateReady.Task;

    private void SetGate(ParameterGate gate)
    {
        Gate = gate;
        _gateReady.TrySetResult(gate);
    }

    /// <summary>Holds <paramref name="container"/> while a parameter it uses has no value (shown as waiting, or off); false when stopping.</summary>
    private async Task<bool> WaitForParametersAsync(ContainerResource container, CancellationToken cancellationToken)
    {
        while (Gate is { } gate)
        {
            var changed = gate.Changed; // before the check: a value given in between wakes us
            var blocking = gate.Blocking(container);
            if (blocking.Count == 0)
            {
                break;
            }

            state.Set(ParameterGate.Describe(container, blocking));
            try
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Waits until <paramref name="prerequisite"/> is met; returns null then, or the reason the container cannot start.
    /// A soft prerequisite (a reference) whose target waits for a parameter is skipped; a hard one says which parameter
    /// it is held back by, and the reason is refreshed whenever a value arrives.
    /// </summary>
    private async Task<string?> WaitForPrerequisiteAsync(ContainerResource container, StartPrerequisite prerequisite, CancellationToken cancellationToken)
    {
        var target = prerequisite.Resource;
        while (true)
        {
            var changed = Gate?.Changed ?? Task.Delay(Timeout.Infinite, cancellationToken); // before the check, as above
            var parked = Gate?.ParkedOn(target) ?? [];
            if (prerequisite.Soft && parked.Count > 0)
            {
                return null;
            }

            var because = parked.Count > 0 ? $", which needs parameter {ParameterGate.Names(parked)}" : "";
            state.Set(new ResourceSnapshot(container.Name, ResourceState.Waiting, Reason: $"waiting for {target.Name} ({prerequisite.Condition}){because}"));
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reached = state.WaitAsync(target.Name, s => Satisfied(s, prerequisite) || Failed(s, prerequisite), waiting.Token);
            var provided = changed.WaitAsync(waiting.Token);
            var first = await Task.WhenAny(reached, provided).ConfigureAwait(false);
            await waiting.CancelAsync().ConfigureAwait(false);
            if (first != reached)
            {
                cancellationToken.ThrowIfCancellationRequested();
                continue; // a value arrived: the target may start now, or need fewer parameters
            }

            var snapshot = await reached.ConfigureAwait(false);
            if (Satisfied(snapshot, prerequisite))
            {
                return null;
            }

            var why = snapshot.Restarts >= CrashLoopRestarts && !snapshot.IsTerminal
                ? $"keeps crashing ({snapshot.Restarts} restarts)"
                : $"is {snapshot.State}";
            return $"dependency '{target.Name}' {why}{(snapshot.Reason is null ? "" : $": {snapshot.Reason}")}";
        }
    }

    private static bool Satisfied(ResourceSnapshot s, StartPrerequisite p) => p.Condition switch
    {
        StartCondition.Completed => s.State == ResourceState.Finished && s.ExitCode == p.ExitCode,
        StartCondition.Healthy => s.IsHealthy,
        _ => s.ContainerId is not null && s.State is ResourceState.Starting or ResourceState.Running or ResourceState.RuntimeUnhealthy,
    };

    private static bool Failed(ResourceSnapshot s, StartPrerequisite p) =>
        s.State is ResourceState.FailedToStart or ResourceState.Exited || (s.State == ResourceState.Finished && !Satisfied(s, p))
        || (s.Restarts >= CrashLoopRestarts && !Satisfied(s, p));
}
