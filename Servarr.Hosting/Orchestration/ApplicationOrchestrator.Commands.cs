namespace Servarr.Hosting.Orchestration;

/// <summary>The commands a user gives one resource while the stack runs (the dashboard's start, stop and restart buttons).</summary>
public sealed partial class ApplicationOrchestrator
{
    /// <summary>
    /// Starts <paramref name="resource"/> again: its stopped container, or — when it never got one (a failed pull, a
    /// dependency that failed) — the whole start, prerequisites first.
    /// </summary>
    public async Task StartResourceAsync(string resource, CancellationToken cancellationToken)
    {
        var (container, plan) = Find(resource);
        if (_ids.TryGetValue(resource, out var id))
        {
            await runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
            _monitor?.Touch(resource);
            return;
        }

        await StartOneAsync(container, plan, _pull, _stopping.Token).ConfigureAwait(false);
    }

    /// <summary>Stops <paramref name="resource"/>'s container and keeps it (Docker does not restart a container stopped this way).</summary>
    public async Task StopResourceAsync(string resource, CancellationToken cancellationToken)
    {
        Find(resource);
        if (!_ids.TryGetValue(resource, out var id))
        {
            throw new InvalidOperationException($"resource '{resource}' has no container to stop");
        }

        await runtime.StopContainerAsync(id, StopTimeout, cancellationToken).ConfigureAwait(false);
        _monitor?.Touch(resource);
    }

    /// <summary>Stops, then starts <paramref name="resource"/>.</summary>
    public async Task RestartResourceAsync(string resource, CancellationToken cancellationToken)
    {
        if (_ids.ContainsKey(resource))
        {
            await StopResourceAsync(resource, cancellationToken).ConfigureAwait(false);
        }

        await StartResourceAsync(resource, cancellationToken).ConfigureAwait(false);
    }

    private (ApplicationModel.ContainerResource Container, StartPlan Plan) Find(string resource)
    {
        var plan = _plan ?? throw new InvalidOperationException("the stack is not running");
        var container = plan.Containers.FirstOrDefault(c => c.Name == resource)
                        ?? throw new ArgumentException($"there is no resource '{resource}'", nameof(resource));
        return (container, plan);
    }
}
