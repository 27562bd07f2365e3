namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>The container engine calls the VPN lifecycle needs (implemented with Docker.DotNet in <c>Docker/</c>).</summary>
public interface IVpnContainerEngine
{
    /// <summary>Creates and starts the container described by <paramref name="spec"/>; returns its id.</summary>
    Task<string> CreateAndStartAsync(VpnContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>Inspects a container; null when it does not exist.</summary>
    Task<VpnContainerState?> InspectAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stops (with <paramref name="timeout"/> before the kill) and removes a container; a missing one is fine.</summary>
    Task RemoveAsync(string id, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Lists containers carrying label <paramref name="labelKey"/>.</summary>
    Task<IReadOnlyList<VpnContainerInfo>> ListAsync(string labelKey, CancellationToken cancellationToken);

    /// <summary>Follows the container's output until it ends; <paramref name="onLine"/> gets each line and whether it came from stderr.</summary>
    Task FollowLogsAsync(string id, Action<string, bool> onLine, CancellationToken cancellationToken);
}
