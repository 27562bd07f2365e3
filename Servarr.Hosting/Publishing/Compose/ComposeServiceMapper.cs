using System.Globalization;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>Pure mapping of one container resource to its compose service; no files, no Docker.</summary>
internal sealed class ComposeServiceMapper(PublishContext context, string outputDirectory)
{
    private readonly NetworkNamespaces _namespaces = new(context.Model);

    public ComposeService Map(ContainerResource resource)
    {
        var service = new ComposeService
        {
            Image = resource.GetImage()?.Reference,
            ContainerName = resource.Name,
            Restart = RestartValue(resource.GetRestartPolicy()),
        };
        service.Hostname = resource.TryGetLastAnnotation<HostnameAnnotation>(out var hostname) ? hostname.Hostname : null;
        service.Init = resource.Annotations.OfType<InitProcessAnnotation>().Any() ? true : null;
        if (resource.Entrypoint is { } entrypoint)
        {
            service.Entrypoint = [entrypoint.Replace("$", "$$", StringComparison.Ordinal)]; // compose reads $$ as $
        }

        service.Command = NullIfEmpty(resource.GetArgs(ServarrExecution.Publish).Select(a => ComposeExpressions.Render(a, context.Parameters, resource)).ToList());
        if (resource.TryGetLastAnnotation<UserAnnotation>(out var user))
        {
            service.User = $"{Render(user.Uid)}:{Render(user.Gid)}";
        }

        var environment = EnvironmentEvaluator.Evaluate(resource, context.ExecutionContext);
        service.Environment = environment.Count == 0 ? null
            : environment.ToDictionary(e => e.Key, e => ComposeExpressions.Render(e.Value, context.Parameters, resource), StringComparer.Ordinal);

        MapNetworking(resource, service);
        service.Volumes = NullIfEmpty([.. resource.GetMounts().Select(MapMount), .. resource.Annotations.OfType<GeneratedFileAnnotation>()
            .Select(f => new ComposeServiceVolume { Type = "bind", Source = $"./{GeneratedFilePath(resource, f)}", Target = f.Target, ReadOnly = true })]);
        var capabilities = CapabilitySet.Of(resource);
        service.CapDrop = capabilities.DropsAll ? ["ALL"] : null;
        service.CapAdd = NullIfEmpty(capabilities.Added.ToList());
        service.SecurityOpt = resource.HasNoNewPrivileges() ? ["no-new-privileges:true"] : null;
        if (resource.TryGetLastAnnotation<ResourceLimitsAnnotation>(out var limits))
        {
            (service.MemLimit, service.Cpus) = (limits.MemoryMiB is { } memory ? $"{memory}m" : null, limits.CpusText);
        }

        service.Devices = NullIfEmpty(resource.Annotations.OfType<DeviceAnnotation>().Select(d => $"{d.HostPath}:{d.ContainerPath}").ToList());
        service.ExtraHosts = NullIfEmpty(resource.Annotations.OfType<HostAliasAnnotation>().Select(h => $"{h.Hostname}:{h.Address}").ToList());
        service.DependsOn = MapDependencies(resource);
        service.Healthcheck = MapHealthcheck(resource);
        var labels = resource.Annotations.OfType<ContainerLabelAnnotation>()
            .GroupBy(l => l.Key).ToDictionary(g => g.Key, g => Render(g.Last().Value), StringComparer.Ordinal);
        labels[ServarrLabels.Resource] = resource.Name;
        service.Labels = labels;

        foreach (var customization in resource.Annotations.OfType<ComposeServiceCustomizationAnnotation>())
        {
            customization.Configure(resource, service);
        }

        return service;
    }

    private void MapNetworking(ContainerResource resource, ComposeService service)
    {
        if (resource.GetVpnGateway() is { } gateway)
        {
            service.NetworkMode = $"service:{gateway.Name}";
            return;
        }

        // A gateway publishes and exposes the ports of every app that shares its namespace.
        var listeners = _namespaces.Listeners(resource);
        var endpoints = listeners.Select(l => l.Endpoint).ToList();
        // Admin UIs (LoopbackPortAnnotation) on the host's 127.0.0.1 only: reachable from the server and over SSH, nowhere else.
        var loopback = listeners.SelectMany(l => l.Owner.Annotations.OfType<LoopbackPortAnnotation>()
                .Where(a => a.EndpointName == l.Endpoint.Name && l.Endpoint.TargetPort is not null)
                .Select(a => $"127.0.0.1:{a.HostPort}:{l.Endpoint.TargetPort}{ProtocolSuffix(l.Endpoint)}"));
        service.Ports = NullIfEmpty(endpoints.Where(e => e.Port is not null && e.TargetPort is not null)
            .Select(e => $"{e.Port}:{e.TargetPort}{ProtocolSuffix(e)}").Concat(loopback).Distinct().ToList());
        service.Expose = NullIfEmpty(endpoints.Where(e => e.Port is null && e.TargetPort is not null)
            .Select(e => $"{e.TargetPort}{ProtocolSuffix(e)}").Distinct().ToList());
        service.Networks = NullIfEmpty(resource.Annotations.OfType<NetworkAttachmentAnnotation>().Select(n => n.Network.Name).Distinct().ToList());
    }

    /// <summary>Where a generated file is published, relative to the compose file: <c>&lt;resource&gt;/&lt;file name&gt;</c>.</summary>
    internal static string GeneratedFilePath(ContainerResource resource, GeneratedFileAnnotation file) => $"{resource.Name}/{file.FileName}";

    private ComposeServiceVolume MapMount(ServarrMountAnnotation mount)
    {
        var source = mount.Type == ContainerMountType.Volume
            ? mount.VolumeName!
            : HostPaths.ForOutput(Render(mount.Source), context.AppHostDirectory, outputDirectory, dotPrefix: true);
        return new ComposeServiceVolume
        {
            Type = mount.Type == ContainerMountType.Volume ? "volume" : "bind",
            Source = source,
            Target = mount.Target,
            ReadOnly = mount.IsReadOnly ? true : null,
            LongSyntax = mount.Type != ContainerMountType.Volume && RunExpressions.Render(mount.Source, context.Parameters).Contains(':', StringComparison.Ordinal),
        };
    }

    private static Dictionary<string, ComposeDependency>? MapDependencies(ContainerResource resource)
    {
        var dependencies = new Dictionary<string, ComposeDependency>(StringComparer.Ordinal);
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            var condition = wait.WaitType == WaitType.WaitForCompletion ? "service_completed_successfully"
                : HasHealthcheck(wait.Resource) ? "service_healthy" : "service_started";
            dependencies[wait.Resource.Name] = new ComposeDependency { Condition = condition };
        }

        return dependencies.Count == 0 ? null : dependencies;
    }

    /// <summary>Whether compose can wait for <paramref name="resource"/> to be healthy: it has a health command.</summary>
    internal static bool HasHealthcheck(IResource resource) =>
        resource.Annotations.Any(a => a is ContainerHealthCheckAnnotation or ImageHealthCheckAnnotation);

    private static ComposeHealthcheck? MapHealthcheck(ContainerResource resource)
    {
        if (!resource.TryGetLastAnnotation<ContainerHealthCheckAnnotation>(out var check))
        {
            return null;
        }

        return new ComposeHealthcheck
        {
            Test = ["CMD", .. check.Command.Select(c => c.Replace("$", "$$", StringComparison.Ordinal))],
            Interval = Duration(check.Interval),
            Timeout = Duration(check.Timeout),
            Retries = check.Retries,
            StartPeriod = Duration(check.StartPeriod),
        };
    }

    private string Render(ReferenceExpression expression) => ComposeExpressions.Render(expression, context.Parameters);

    private static string Duration(TimeSpan value) =>
        value.TotalSeconds % 60 == 0 && value.TotalSeconds >= 60
            ? $"{(int)value.TotalMinutes}m"
            : $"{((int)value.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";

    private static string ProtocolSuffix(EndpointAnnotation endpoint) => endpoint.Protocol == System.Net.Sockets.ProtocolType.Udp ? "/udp" : "";

    private static string RestartValue(RestartPolicy policy) => policy switch
    {
        RestartPolicy.No => "no",
        RestartPolicy.UnlessStopped => "unless-stopped",
        RestartPolicy.OnFailure => "on-failure",
        _ => "always",
    };

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}
