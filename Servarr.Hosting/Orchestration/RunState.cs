namespace Servarr.Hosting.Orchestration;

/// <summary>The live state of every resource of a run; thread-safe, with change notification.</summary>
public sealed class RunState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after a snapshot changed (on the thread that changed it).</summary>
    public event Action<ResourceSnapshot>? Changed;

    /// <summary>All snapshots, in no particular order.</summary>
    public IReadOnlyList<ResourceSnapshot> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _snapshots.Values];
            }
        }
    }

    /// <summary>The snapshot of <paramref name="name"/>, or a NotStarted one.</summary>
    public ResourceSnapshot Get(string name)
    {
        lock (_gate)
        {
            return _snapshots.TryGetValue(name, out var snapshot) ? snapshot : new ResourceSnapshot(name, ResourceState.NotStarted);
        }
    }

    /// <summary>Records <paramref name="snapshot"/>; nothing happens when it equals the current one.</summary>
    public void Set(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_snapshots.TryGetValue(snapshot.Name, out var current) && SameAs(current, snapshot))
            {
                return;
            }

            _snapshots[snapshot.Name] = snapshot;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        Changed?.Invoke(snapshot);
    }

    /// <summary>Waits until <paramref name="predicate"/> holds for <paramref name="name"/>; returns that snapshot.</summary>
    public async Task<ResourceSnapshot> WaitAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var snapshot = Get(name);
            if (predicate(snapshot))
            {
                return snapshot;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SameAs(ResourceSnapshot a, ResourceSnapshot b) =>
        a with { Urls = null } == b with { Urls = null } && (a.Urls ?? []).SequenceEqual(b.Urls ?? []);
}
