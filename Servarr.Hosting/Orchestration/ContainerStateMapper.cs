using System.Globalization;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Orchestration;

/// <summary>Pure mapping of what the engine reports to a resource snapshot with Aspire's states, and the URLs to show.</summary>
public static class ContainerStateMapper
{
    /// <summary>Maps an inspected container (null: it is gone) to a snapshot.</summary>
    public static ResourceSnapshot ToSnapshot(ContainerResource container, string id, ContainerStatus? status, ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(spec);
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
            status.RestartCount, reason, state is ResourceState.Running or ResourceState.RuntimeUnhealthy or ResourceState.Starting ? Urls(spec) : null);
    }

    /// <summary>Clickable URLs of the container's published HTTP ports (the model's on localhost, development ones on 127.0.0.1).</summary>
    public static IReadOnlyList<string> Urls(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bindings = spec.Parameters.HostConfig?.PortBindings;
        if (bindings is null)
        {
            return [];
        }

        return bindings.Where(b => b.Key.EndsWith("/tcp", StringComparison.Ordinal) && b.Value is { Count: > 0 })
            .Select(b => $"http://{(string.IsNullOrEmpty(b.Value[0].HostIP) ? "localhost" : b.Value[0].HostIP)}:{int.Parse(b.Value[0].HostPort, CultureInfo.InvariantCulture)}")
            .ToList();
    }
}
