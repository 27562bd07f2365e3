namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>One mount of a VPN app's container.</summary>
/// <param name="Source">Host path (bind) or volume name.</param>
/// <param name="Target">Path inside the container.</param>
/// <param name="IsVolume">A named volume rather than a bind mount.</param>
/// <param name="ReadOnly">Mounted read-only.</param>
public sealed record VpnMount(string Source, string Target, bool IsVolume, bool ReadOnly);

/// <summary>Everything needed to create a VPN app's container, free of engine types (the Docker mapping is in <c>Docker/</c>).</summary>
/// <param name="Name">Container name.</param>
/// <param name="Image">Image reference.</param>
/// <param name="GatewayContainerId">Id of the gateway container whose network namespace is joined.</param>
/// <param name="Environment">Environment variables with their resolved values.</param>
/// <param name="Args">Arguments after the image's entrypoint (empty: the image's CMD).</param>
/// <param name="Entrypoint">Entrypoint override, or null.</param>
/// <param name="Mounts">Binds and volumes (Aspire's <c>ContainerMountAnnotation</c>s, as run preparation left them).</param>
/// <param name="Settings">Capabilities, devices, user, init, labels, no-new-privileges — what <c>docker run</c> gets for other apps.</param>
/// <param name="Labels">Servarr's own labels (resource, session, owner, gateway); they win over <see cref="DockerRunSettings.Labels"/>.</param>
public sealed record VpnContainerSpec(
    string Name,
    string Image,
    string GatewayContainerId,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Args,
    string? Entrypoint,
    IReadOnlyList<VpnMount> Mounts,
    DockerRunSettings Settings,
    IReadOnlyDictionary<string, string> Labels);

/// <summary>What the engine says about a container.</summary>
/// <param name="Status">Engine status: created, running, restarting, exited, dead, paused.</param>
/// <param name="Health">Docker health status (starting, healthy, unhealthy) or null without a health check.</param>
/// <param name="ExitCode">Exit code of the last run.</param>
/// <param name="NetworkMode">The container's network mode (<c>container:&lt;id&gt;</c> for VPN apps).</param>
/// <param name="StartedAt">When it last started, if known.</param>
/// <param name="Error">The engine's error text, if any.</param>
public sealed record VpnContainerState(string Status, string? Health, long ExitCode, string NetworkMode, DateTime? StartedAt, string? Error);

/// <summary>A container found by label.</summary>
/// <param name="Id">Container id.</param>
/// <param name="Name">Container name.</param>
/// <param name="Labels">Its labels.</param>
public sealed record VpnContainerInfo(string Id, string Name, IReadOnlyDictionary<string, string> Labels);
