using Docker.DotNet.Models;
using Servarr.Hosting.Orchestration.Vpn;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>
/// Pure mapping of a <see cref="VpnContainerSpec"/> to Docker create parameters: the gateway's namespace as network mode
/// (so no ports, hostname or extra hosts of its own — Docker refuses them with <c>container:</c>), env, mounts, the
/// <see cref="DockerRunSettings"/> every other app gets through <c>docker run</c>, labels, and an "unless-stopped" restart
/// policy. No Docker HEALTHCHECK: the app's health command runs through Aspire's health check (<see cref="DockerHealthCheck"/>)
/// like every other app's.
/// </summary>
public static class VpnDockerMapper
{
    /// <summary>Maps <paramref name="spec"/>.</summary>
    /// <example><code>var p = VpnDockerMapper.Map(spec); // p.HostConfig.NetworkMode == "container:" + spec.GatewayContainerId</code></example>
    public static CreateContainerParameters Map(VpnContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = spec.Settings;
        var labels = new Dictionary<string, string>(settings.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in spec.Labels)
        {
            labels[key] = value;
        }

        return new CreateContainerParameters
        {
            Name = spec.Name,
            Image = spec.Image,
            // The engine model's properties are non-nullable; null! means "leave it to the image".
            Entrypoint = spec.Entrypoint is null ? null! : [spec.Entrypoint],
            Cmd = spec.Args.Count == 0 ? null! : [.. spec.Args],
            Env = [.. spec.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")],
            User = settings.User ?? null!,
            Labels = labels,
            HostConfig = new HostConfig
            {
                NetworkMode = $"container:{spec.GatewayContainerId}",
                Mounts = [.. spec.Mounts.Select(m => new Mount
                {
                    Type = m.IsVolume ? "volume" : "bind",
                    Source = m.Source,
                    Target = m.Target,
                    ReadOnly = m.ReadOnly,
                })],
                CapDrop = settings.DropAllCapabilities ? ["ALL"] : null!,
                CapAdd = settings.Capabilities.Count == 0 ? null! : [.. settings.Capabilities],
                Devices = settings.Devices.Count == 0 ? null!
                    : [.. settings.Devices.Select(d => new DeviceMapping { PathOnHost = d.HostPath, PathInContainer = d.ContainerPath, CgroupPermissions = "rwm" })],
                Init = settings.Init ? true : null,
                Memory = settings.MemoryMiB is { } memory ? memory * 1024L * 1024L : 0,
                NanoCPUs = settings.Cpus is { } cpus ? (long)Math.Round(cpus * 1e9) : 0,
                SecurityOpt = settings.NoNewPrivileges ? ["no-new-privileges:true"] : null!,
                RestartPolicy = new RestartPolicy { Name = RestartKind(settings.Restart) },
            },
        };
    }

    private static RestartPolicyKind RestartKind(string name) => name switch
    {
        "no" => RestartPolicyKind.No,
        "on-failure" => RestartPolicyKind.OnFailure,
        "always" => RestartPolicyKind.Always,
        _ => RestartPolicyKind.UnlessStopped,
    };
}
