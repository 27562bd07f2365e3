using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Orchestration;

/// <summary>The thin seam between the orchestrator (when) and the engine (how); Docker's is in <c>Docker/</c>.</summary>
public interface IContainerRuntime
{
    /// <summary>Creates the bridge network <paramref name="name"/> unless it exists.</summary>
    Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>The host's address on Docker's default bridge (what <c>host-gateway</c> means to a container), or null when unknown.</summary>
    Task<System.Net.IPAddress?> HostGatewayAsync(CancellationToken cancellationToken);

    /// <summary>Creates the named volume unless it exists.</summary>
    Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Containers (running or not) whose labels include every pair of <paramref name="labels"/>.</summary>
    Task<IReadOnlyList<ContainerInfo>> FindContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>The container called <paramref name="name"/>, or null.</summary>
    Task<ContainerInfo?> FindContainerByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether the image is present locally.</summary>
    Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken);

    /// <summary>Pulls the image, reporting each progress message; throws with the engine's reason on failure.</summary>
    Task PullImageAsync(string image, IProgress<PullProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Follows the engine's container events (start, die, health changes, ...) for containers whose labels include all of
    /// <paramref name="labels"/>, calling <paramref name="onContainerEvent"/> with the container id, until cancelled.
    /// </summary>
    Task WatchEventsAsync(IReadOnlyDictionary<string, string> labels, Action<string> onContainerEvent, CancellationToken cancellationToken);

    /// <summary>Creates the container, joins its extra networks, and returns its id.</summary>
    Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts a created or stopped container.</summary>
    Task StartContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="command"/> inside the running container and returns its exit code (-1 after <paramref name="timeout"/>).</summary>
    Task<long> ExecAsync(string id, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Stops the container (SIGTERM, then SIGKILL after <paramref name="timeout"/>) and keeps it; its restart policy no longer applies.</summary>
    Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The container's current status.</summary>
    Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stops (SIGTERM, then SIGKILL after <paramref name="timeout"/>) and removes the container.</summary>
    Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Follows the container's console output from its start, one call per line, until cancelled or it ends.</summary>
    Task FollowLogsAsync(string id, Action<string, bool> onLine, CancellationToken cancellationToken);

    /// <summary>Follows the container's resource use (one sample about every second) until cancelled or it stops.</summary>
    Task WatchStatsAsync(string id, Action<ContainerStats> onSample, CancellationToken cancellationToken);

    /// <summary>Removes every network whose labels include all of <paramref name="labels"/>; returns their names.</summary>
    Task<IReadOnlyList<string>> RemoveNetworksAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Names of the volumes whose labels include all of <paramref name="labels"/>.</summary>
    Task<IReadOnlyList<string>> FindVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Removes a volume and the data in it.</summary>
    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="container"/> to completion on the default bridge network (a leftover of the same name is
    /// removed first), collects its output, and removes it whatever happened; exit code -1 after <paramref name="timeout"/>.
    /// </summary>
    Task<OneOffResult> RunOneOffAsync(OneOffContainer container, TimeSpan timeout, CancellationToken cancellationToken);
}
