using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>Pure mapping of what the engine reports to a resource snapshot with Aspire's states, and the URLs to show.</summary>
public static class ContainerStateMapper
{
    /// <summary>
    /// Maps an inspected container (null: it is gone) to a snapshot. <paramref name="httpHealthy"/> is the AppHost's own
    /// probe of the app's HTTP health path or TCP port (null when it has none): it decides health as soon as the app answers, without
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

    /// <summary>
    /// What the AppHost probes for the container's health: its HTTP health path, else its TCP check, on the port the
    /// developer's machine reaches (development port on 127.0.0.1, else the model's host port); null when it has none.
    /// </summary>
    public static HealthProbeTarget? HealthProbe(ContainerResource container, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        int? Port(string endpointName) => container.FindEndpoint(endpointName) is { } endpoint ? run.HostPort(container, endpoint) : null;
        if (container.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var http) && Port(http.EndpointName) is { } httpPort)
        {
            var scheme = container.FindEndpoint(http.EndpointName)!.Scheme;
            return new HealthProbeTarget(new Uri($"{scheme}://127.0.0.1:{httpPort}{http.Path}"), http.StatusCode);
        }

        return container.TryGetLastAnnotation<TcpHealthCheckAnnotation>(out var tcp) && Port(tcp.EndpointName) is { } tcpPort
            ? new HealthProbeTarget(new Uri($"tcp://127.0.0.1:{tcpPort}"), null)
            : null;
    }

    /// <summary>
    /// Clickable URLs of the container's HTTP endpoints: the development port on 127.0.0.1 when one was assigned (for an
    /// app behind the VPN, the port its gateway publishes for it), else the model's host port on localhost.
    /// </summary>
    public static IReadOnlyList<string> Urls(ContainerResource container, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        return container.GetEndpoints().Where(e => e.Scheme is "http" or "https").Select(e => run.HostUrl(container, e)).OfType<string>().ToList();
    }
}
