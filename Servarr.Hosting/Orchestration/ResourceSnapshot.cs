namespace Servarr.Hosting.Orchestration;

/// <summary>What one resource looks like now: run state, kept apart from the model.</summary>
/// <param name="Name">The resource name.</param>
/// <param name="State">Its state.</param>
/// <param name="Health">healthy / unhealthy / starting, or null without a health check.</param>
/// <param name="ContainerId">The container id once created.</param>
/// <param name="ExitCode">The exit code once exited.</param>
/// <param name="Restarts">How often the engine restarted it.</param>
/// <param name="Reason">Why it waits or failed.</param>
/// <param name="Urls">URLs a developer can open.</param>
public sealed record ResourceSnapshot(string Name, ResourceState State, string? Health = null, string? ContainerId = null,
    long? ExitCode = null, long Restarts = 0, string? Reason = null, IReadOnlyList<string>? Urls = null)
{
    /// <summary>Running, and healthy when it has a health check.</summary>
    public bool IsHealthy => State == ResourceState.Running && Health is null or "healthy";

    /// <summary>Will not run any more by itself.</summary>
    public bool IsTerminal => State is ResourceState.Exited or ResourceState.FailedToStart or ResourceState.Finished;
}
