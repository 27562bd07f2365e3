using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Proto = Servarr.Hosting.Dashboard.Proto;

namespace Servarr.Hosting.Dashboard;

/// <summary>When a resource's container was created, last started and last stopped, as the session saw it.</summary>
/// <param name="Created">First seen with a container.</param>
/// <param name="Started">Last became Running.</param>
/// <param name="Stopped">Last ended.</param>
public sealed record ResourceTimes(DateTimeOffset? Created, DateTimeOffset? Started, DateTimeOffset? Stopped);

/// <summary>
/// Pure mapping of a container resource and its run state to the dashboard's <c>Resource</c> message: state and style,
/// environment (secret values left out), URLs (each with display properties), volumes, properties, health,
/// relationships and the start/stop/restart commands.
/// </summary>
public static class DashboardResourceMapper
{
    /// <summary>The resource type the dashboard shows for every Servarr resource.</summary>
    public const string ContainerType = "Container";

    /// <summary>Command names: the <c>resource-*</c> ones every dashboard from 8.0 knows; the short ones are accepted too.</summary>
    public const string Start = "resource-start", Stop = "resource-stop", Restart = "resource-restart";

    /// <summary>Maps one resource.</summary>
    public static Proto.Resource Map(ContainerResource container, ResourceSnapshot snapshot, RunContext run, ResourceTimes times, bool hidden = false,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(times);
        var resource = new Proto.Resource
        {
            Name = container.Name,
            ResourceType = ContainerType,
            DisplayName = container.Name,
            Uid = $"{run.SessionId}:{container.Name}",
            State = snapshot.State.ToString(),
            StateStyle = StateStyle(snapshot),
            IsHidden = hidden,
        };
        SetTime(times.Created, t => resource.CreatedAt = t);
        SetTime(times.Started, t => resource.StartedAt = t);
        SetTime(times.Stopped, t => resource.StoppedAt = t);
        resource.Environment.AddRange(Environment(container, run));
        resource.Urls.AddRange(Urls(container, run, snapshot));
        resource.Volumes.AddRange(container.GetMounts().Select(m => new Proto.Volume
        {
            Source = m.Type == ContainerMountType.BindMount ? run.HostPath(m.Source) : m.VolumeName ?? "",
            Target = m.Target,
            MountType = m.Type == ContainerMountType.BindMount ? "bind" : "volume",
            IsReadOnly = m.IsReadOnly,
        }));
        resource.Properties.AddRange(Properties(container, snapshot));
        if (note is not null)
        {
            resource.Properties.Add(new Proto.ResourceProperty { Name = "servarr.features", DisplayName = "Optional features", Value = Value.ForString(note) });
        }

        resource.HealthReports.AddRange(HealthReports(container, snapshot));
        resource.Relationships.AddRange(container.Annotations.OfType<ResourceReferenceAnnotation>().Select(r => (r.Target.Name, "Reference"))
            .Concat(container.Annotations.OfType<WaitAnnotation>().Select(w => (w.Target.Name, "WaitFor")))
            .Distinct().Select(r => new Proto.ResourceRelationship { ResourceName = r.Item1, Type = r.Item2 }));
        resource.Commands.AddRange(Commands(snapshot));
        return resource;
    }

    /// <summary>success for running and healthy or finished with 0, error for failures, warning while unhealthy, info otherwise.</summary>
    public static string StateStyle(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.State switch
        {
            ResourceState.Running => snapshot.Health is null or "healthy" ? "success" : "warning",
            ResourceState.Finished => snapshot.ExitCode is null or 0 ? "success" : "error",
            ResourceState.FailedToStart or ResourceState.RuntimeUnhealthy => "error",
            ResourceState.Exited => "warning",
            _ => "info",
        };
    }

    private static IEnumerable<Proto.EnvironmentVariable> Environment(ContainerResource container, RunContext run) =>
        EnvironmentEvaluator.Evaluate(container, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run)).Select(e =>
        {
            var variable = new Proto.EnvironmentVariable { Name = e.Key, IsFromSpec = true };
            if (!e.Value.References.OfType<ParameterResource>().Any(p => p.Secret))
            {
                variable.Value = RunExpressions.Render(e.Value, run.Parameters);
            }

            return variable;
        });

    private static IEnumerable<Proto.Url> Urls(ContainerResource container, RunContext run, ResourceSnapshot snapshot)
    {
        var live = snapshot.State is ResourceState.Running or ResourceState.Starting or ResourceState.RuntimeUnhealthy;
        var order = 0;
        foreach (var endpoint in container.GetEndpoints().Where(e => e.Scheme is "http" or "https"))
        {
            if (run.HostUrl(container, endpoint) is { } host)
            {
                yield return Url(endpoint.Name, host, isInternal: false, !live, order++);
            }

            var inside = InNetworkAddress.Render(new EndpointReference(container, endpoint.Name).Url);
            yield return Url(endpoint.Name, inside, isInternal: true, !live, order++);
        }
    }

    private static Proto.Url Url(string endpoint, string url, bool isInternal, bool inactive, int order) => new()
    {
        EndpointName = endpoint,
        FullUrl = url,
        IsInternal = isInternal,
        IsInactive = inactive,
        DisplayProperties = new Proto.UrlDisplayProperties { SortOrder = order, DisplayName = isInternal ? $"{endpoint} (in the app network)" : endpoint },
    };

    private static IEnumerable<Proto.ResourceProperty> Properties(ContainerResource container, ResourceSnapshot snapshot)
    {
        Proto.ResourceProperty Property(string name, string displayName, Value value) => new() { Name = name, DisplayName = displayName, Value = value };
        yield return Property("container.image", "Image", Value.ForString(container.GetImage()?.Reference ?? ""));
        if (snapshot.ContainerId is { } id)
        {
            yield return Property("container.id", "Container ID", Value.ForString(id));
        }

        var ports = container.GetEndpoints().Where(e => e.TargetPort is not null).Select(e => Value.ForString(e.TargetPort!.Value.ToString(CultureInfo.InvariantCulture)));
        yield return Property("container.ports", "Ports", Value.ForList([.. ports]));
        yield return Property("container.lifetime", "Lifetime", Value.ForString(container.GetLifetime().ToString()));
        yield return Property("resource.restarts", "Restarts", Value.ForNumber(snapshot.Restarts));
        if (snapshot.ExitCode is { } exitCode)
        {
            yield return Property("resource.exitCode", "Exit code", Value.ForNumber(exitCode));
        }

        if (snapshot.Reason is { } reason)
        {
            yield return Property("resource.reason", "Reason", Value.ForString(reason));
        }
    }

    private static IEnumerable<Proto.HealthReport> HealthReports(ContainerResource container, ResourceSnapshot snapshot)
    {
        if (!StartPlan.HasHealthCheck(container))
        {
            yield break;
        }

        var report = new Proto.HealthReport { Key = "health", Description = HealthDescription(container) };
        if (snapshot.State == ResourceState.Running || snapshot.State == ResourceState.RuntimeUnhealthy)
        {
            report.Status = snapshot.Health == "healthy" ? Proto.HealthStatus.Healthy
                : snapshot.Health == "unhealthy" ? Proto.HealthStatus.Unhealthy : Proto.HealthStatus.Degraded;
        }

        yield return report;
    }

    private static string HealthDescription(ContainerResource container) =>
        container.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var http) ? $"HTTP GET {http.Path} on endpoint {http.EndpointName}"
        : container.TryGetLastAnnotation<TcpHealthCheckAnnotation>(out var tcp) ? $"TCP connect to endpoint {tcp.EndpointName}"
        : "the image's health command";

    private static IEnumerable<Proto.ResourceCommand> Commands(ResourceSnapshot snapshot)
    {
        var stopped = snapshot.IsTerminal || snapshot.State == ResourceState.NotStarted;
        Proto.ResourceCommand Command(string name, string display, string icon, bool show) => new()
        {
            Name = name,
            DisplayName = display,
            IconName = icon,
            IsHighlighted = name != Restart,
            State = show ? Proto.ResourceCommandState.Enabled : Proto.ResourceCommandState.Hidden,
        };
        yield return Command(Start, "Start", "Play", stopped);
        yield return Command(Stop, "Stop", "Stop", !stopped && snapshot.State != ResourceState.Waiting);
        yield return Command(Restart, "Restart", "ArrowCounterclockwise", !stopped && snapshot.ContainerId is not null);
    }

    private static void SetTime(DateTimeOffset? time, Action<Timestamp> set)
    {
        if (time is { } value)
        {
            set(Timestamp.FromDateTimeOffset(value));
        }
    }
}
