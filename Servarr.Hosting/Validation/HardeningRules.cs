using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Hardening as defaults, checked on resolved values (bind sources with their parameters' values, normalised): the Docker
/// socket only where a reason is given and read-only, no other engine socket nor a folder holding one, no system folder
/// mounted writable, host ports only where a reason is given (Plex), capabilities and devices from an allow-list
/// (<see cref="HostAccess"/>). (Privileged mode itself has no API; the publishers check their final objects.)
/// </summary>
internal static class HardeningRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            foreach (var mount in container.GetMounts().Where(m => m.Type == ContainerMountType.BindMount))
            {
                CheckBind(context, container, mount);
            }

            if (!container.Annotations.OfType<HostPortAnnotation>().Any() && container.GetVpnGateway() is null) // VpnRules reports an app behind a VPN
            {
                foreach (var endpoint in container.GetEndpointAnnotations().Where(e => e.Port is not null))
                {
                    context.Report(container, $"publishes host port {endpoint.Port} (endpoint '{endpoint.Name}') on every interface; the tunnel is the way in and run mode gives every endpoint a 127.0.0.1 port, so drop port: {endpoint.Port}, or add .WithHostPortAllowed(\"who connects there\")");
                }
            }

            var gateway = container is IVpnGatewayResource;
            foreach (var capability in container.Annotations.OfType<CapabilityAnnotation>().Select(c => c.Capability).Distinct())
            {
                if (HostAccess.CapabilityProblem(capability, gateway) is { } problem)
                {
                    context.Report(container, problem);
                }
            }

            foreach (var kept in container.Annotations.OfType<OnlyCapabilitiesAnnotation>().LastOrDefault()?.Kept ?? [])
            {
                if (!HostAccess.IsDockerDefaultCapability(kept))
                {
                    context.Report(container, $"keeps capability {kept} in .WithOnlyCapabilities(...), which is not one of Docker's defaults; list only defaults there (e.g. CHOWN, SETUID, SETGID) and add {kept} with .WithCapability(\"{kept}\"), where it is checked");
                }
            }

            foreach (var device in container.Annotations.OfType<DeviceAnnotation>())
            {
                if (HostAccess.DeviceProblem(device.HostPath) is { } problem)
                {
                    context.Report(container, problem);
                }
            }
        }
    }

    private static void CheckBind(ValidationContext context, ContainerResource container, ServarrMountAnnotation mount)
    {
        var source = ResolvedSource(mount, context.Parameters);
        if (IsDockerSocket(mount, source))
        {
            if (!container.Annotations.OfType<DockerSocketAccessAnnotation>().Any())
            {
                context.Report(container, $"mounts the Docker socket at {mount.Target}, which is root on the host; remove the mount, or if the app must read the engine use .WithDockerSocket(\"what it reads\") (read-only)");
            }
            else if (!mount.IsReadOnly)
            {
                context.Report(container, $"mounts the Docker socket at {mount.Target} writable; pass isReadOnly: true, or use .WithDockerSocket(\"what it reads\")");
            }
        }
        else if (source is { Length: > 0 } && HostAccess.BindProblem(source, mount.Target, mount.IsReadOnly) is { } problem)
        {
            context.Report(container, problem);
        }
    }

    /// <summary>The bind source with its parameters' values, or null while one has no value (nothing to check yet).</summary>
    internal static string? ResolvedSource(ServarrMountAnnotation mount, ParameterValues parameters)
    {
        var values = mount.Source.References.OfType<ParameterResource>().Select(parameters.Resolve).ToList();
        return values.Any(v => v.Value is null) ? null
            : mount.Source.Render(value => value is ParameterResource p ? parameters.Resolve(p).Value ?? "" : "");
    }

    /// <summary>Whether <paramref name="mount"/> is the Docker engine's socket (its target, or its literal source).</summary>
    internal static bool IsDockerSocket(ServarrMountAnnotation mount) =>
        IsDockerSocket(mount, mount.Source.IsLiteral ? mount.Source.Render(_ => "") : null);

    /// <summary>Whether <paramref name="mount"/> is the Docker engine's socket, by its target or its resolved <paramref name="source"/>.</summary>
    internal static bool IsDockerSocket(ServarrMountAnnotation mount, string? source) =>
        mount.Type == ContainerMountType.BindMount && (HostAccess.IsDockerSocket(HostAccess.Normalize(mount.Target))
            || (source is not null && HostAccess.IsDockerSocket(HostAccess.Normalize(source))));
}
