namespace Servarr.Hosting.Orchestration;

/// <summary>Where a resource is in its life, with Aspire's state names.</summary>
public enum ResourceState
{
    /// <summary>Not started yet.</summary>
    NotStarted,
    /// <summary>Waiting for what it depends on.</summary>
    Waiting,
    /// <summary>Pulling, created, or running but not healthy yet.</summary>
    Starting,
    /// <summary>Running (and healthy, when it has a health check).</summary>
    Running,
    /// <summary>Running but its health check fails.</summary>
    RuntimeUnhealthy,
    /// <summary>The container exited.</summary>
    Exited,
    /// <summary>It could not be started; the reason says why.</summary>
    FailedToStart,
    /// <summary>A one-shot container that completed.</summary>
    Finished,
}
