using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Hardening as defaults: the Docker socket only where a reason is given and read-only, host ports only where a reason
/// is given (Plex), no capability that amounts to a privileged container. (Privileged mode itself has no API.)
/// </summary>
internal static class HardeningRules
{
    private static readonly HashSet<string> s_privilegedCapabilities = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "SYS_BOOT", "MAC_ADMIN", "DAC_READ_SEARCH",
    };

    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            foreach (var socket in container.GetMounts().Where(IsDockerSocket))
            {
                if (!container.Annotations.OfType<DockerSocketAccessAnnotation>().Any())
                {
                    context.Report(container, $"mounts the Docker socket at {socket.Target}, which is root on the host; remove the mount, or if the app must read the engine use .WithDockerSocket(\"what it reads\") (read-only)");
                }
                else if (!socket.IsReadOnly)
                {
                    context.Report(container, $"mounts the Docker socket at {socket.Target} writable; pass isReadOnly: true, or use .WithDockerSocket(\"what it reads\")");
                }
            }

            if (!container.Annotations.OfType<HostPortAnnotation>().Any() && container.GetVpnGateway() is null) // VpnRules reports an app behind a VPN
            {
                foreach (var endpoint in container.GetEndpointAnnotations().Where(e => e.Port is not null))
                {
                    context.Report(container, $"publishes host port {endpoint.Port} (endpoint '{endpoint.Name}') on every interface; the tunnel is the way in and run mode gives every endpoint a 127.0.0.1 port, so drop port: {endpoint.Port}, or add .WithHostPortAllowed(\"who connects there\")");
                }
            }

            foreach (var capability in container.Annotations.OfType<CapabilityAnnotation>().Where(c => s_privilegedCapabilities.Contains(c.Capability)))
            {
                context.Report(container, $"adds capability {capability.Capability}, which is as good as a privileged container; remove it (Servarr runs no privileged containers)");
            }
        }
    }

    /// <summary>Whether <paramref name="mount"/> is the Docker engine's socket.</summary>
    internal static bool IsDockerSocket(ServarrMountAnnotation mount) =>
        mount.Type == ContainerMountType.BindMount && (mount.Target.EndsWith("/docker.sock", StringComparison.Ordinal)
            || (mount.Source.IsLiteral && mount.Source.Render(_ => "").EndsWith("/docker.sock", StringComparison.Ordinal)));
}
