using Microsoft.Extensions.Diagnostics.HealthChecks;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>
/// Aspire's health check for a container: the app's own health command (<see cref="ContainerHealthCheckAnnotation"/>,
/// run in exec form inside the container, as compose's healthcheck does), or Docker's verdict on the image's own
/// HEALTHCHECK (<see cref="ImageHealthCheckAnnotation"/>). The container is found through Aspire's snapshot
/// (<c>container.id</c>).
/// </summary>
internal sealed class DockerHealthCheck(ContainerResource resource, ResourceNotificationService notifications, DockerEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var id = ContainerId(resource, notifications);
        if (id is null)
        {
            return HealthCheckResult.Unhealthy("no container yet");
        }

        if (resource.TryGetLastAnnotation<ContainerHealthCheckAnnotation>(out var check))
        {
            var (exitCode, output) = await engine.ExecAsync(id, check.Command, check.Timeout, cancellationToken).ConfigureAwait(false);
            return exitCode == 0 ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{string.Join(' ', check.Command.Take(2))}... exited {exitCode}: {Last(output)}");
        }

        var inspected = await engine.InspectAsync(id, cancellationToken).ConfigureAwait(false);
        return inspected switch
        {
            null => HealthCheckResult.Unhealthy("container is gone"),
            { Status: "running", Health: "healthy" } => HealthCheckResult.Healthy(),
            { Status: "running", Health: null } => HealthCheckResult.Healthy("running (the image has no health check)"),
            var state => HealthCheckResult.Unhealthy($"{state.Status}, health {state.Health ?? "none"}"),
        };
    }

    /// <summary>The Docker id of the resource's container, from Aspire's latest snapshot, or null.</summary>
    internal static string? ContainerId(IResource resource, ResourceNotificationService notifications) =>
        notifications.TryGetCurrentState(resource.Name, out var current) ? AspireSnapshot.ContainerId(current.Snapshot) : null;

    private static string Last(string output) => output.Length <= 200 ? output : output[^200..];
}
