using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>Pure mapping of what the engine reports to a resource snapshot with Aspire's states, and the URLs to show.</summary>
public static class ContainerStateMapper
{
    /// <summary>
    /// Maps an inspected container (null: it is gone) to a snapshot. <paramref name="httpHealthy"/> is the AppHost's own
    /// probe of the app's HTTP health path (null when it has none): it decides health as soon as the app answers, without
    /// waiting for Docker's first check one interval after start; a failing Docker check still makes it unhealthy.
    /// </summary>
    public static ResourceSnapshot ToSnapshot(ContainerResource container, string id, ContainerStatus? status, RunContext run, bool? httpHealthy = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        if (status is null)
        {
            return new ResourceSnapshot(container.Name, ResourceState.Exited, ContainerId: id, Reason: "the container was removed");
        }

        var dockerHealth = status.Health;
        var combined = httpHealthy switch
        {
            null => dockerHealth,
            _ when dockerHealth == "unhealthy" => "unhealthy",
            true => "healthy",
            false => dockerHealth == "healthy" ? "unhealthy" : "starting",
        };
        var (state, reason) = status.Status switch
        {
            "running" => combined switch
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
        var health = status.Status == "running" ? combined : null;
        return new ResourceSnapshot(container.Name, state, health, id, status.Status is "exited" or "dead" ? status.ExitCode : null,
            status.RestartCount, reason, state is ResourceState.Running or ResourceState.RuntimeUnhealthy or ResourceState.Starting ? Urls(container, run) : null);
    }

    /// <summary>The URL the AppHost probes for the container's HTTP health check, or null when it has none it can reach.</summary>
    public static Uri? HealthProbe(ContainerResource container, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        if (!container.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var check) || container.FindEndpoint(check.EndpointName) is not { } endpoint)
        {
            return null;
        }

        int? port = endpoint.Port ?? (run.DevelopmentPorts.TryGetValue((container.Name, endpoint.Name), out var dev) ? dev : null);
        return port is null ? null : new Uri($"{endpoint.Scheme}://127.0.0.1:{port}{check.Path}");
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
