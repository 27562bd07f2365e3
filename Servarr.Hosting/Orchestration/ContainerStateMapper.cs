using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>Pure mapping of what the engine reports to a resource snapshot with Aspire's states, and the URLs to show.</summary>
public static class ContainerStateMapper
{
    /// <summary>Maps an inspected container (null: it is gone) to a snapshot.</summary>
    public static ResourceSnapshot ToSnapshot(ContainerResource container, string id, ContainerStatus? status, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        if (status is null)
        {
            return new ResourceSnapshot(container.Name, ResourceState.Exited, ContainerId: id, Reason: "the container was removed");
        }

        var (state, reason) = status.Status switch
        {
            "running" => status.Health switch
            {
                "unhealthy" => (ResourceState.RuntimeUnhealthy, "health check failing"),
                "starting" => (ResourceState.Starting, "waiting for the health check"),
                _ => (ResourceState.Running, (string?)null),
            },
            "created" => (ResourceState.Starting, null),
            "restarting" => (ResourceState.Starting, $"restarting after exit code {status.ExitCode}"),
            "exited" or "dead" when container.GetRestartPolicy() == RestartPolicy.No => (ResourceState.Finished, $"exit code {status.ExitCode}"),
            _ => (ResourceState.Exited, status.Error ?? $"exit code {status.ExitCode}"),
        };
        var health = status.Status == "running" ? status.Health : null;
        return new ResourceSnapshot(container.Name, state, health, id, status.Status is "exited" or "dead" ? status.ExitCode : null,
            status.RestartCount, reason, state is ResourceState.Running or ResourceState.RuntimeUnhealthy or ResourceState.Starting ? Urls(container, run) : null);
    }

    /// <summary>
    /// Clickable URLs of the container's HTTP endpoints: the model's host port on localhost, else the development port on
    /// 127.0.0.1 (for an app behind the VPN, the port its gateway publishes for it).
    /// </summary>
    public static IReadOnlyList<string> Urls(ContainerResource container, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        return container.GetEndpoints().Where(e => e.Scheme is "http" or "https").Select(e =>
                e.Port is { } port ? $"{e.Scheme}://localhost:{port}"
                : run.DevelopmentPorts.TryGetValue((container.Name, e.Name), out var dev) ? $"{e.Scheme}://127.0.0.1:{dev}" : null)
            .OfType<string>().ToList();
    }
}
