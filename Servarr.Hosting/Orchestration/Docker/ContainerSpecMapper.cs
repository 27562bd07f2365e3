using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>
/// Pure mapping of a container resource to Docker create parameters (no engine call): image, command, environment with
/// real values, mounts, ports (the model's host ports on every interface, development ports on 127.0.0.1 only), the
/// VPN gateway's namespace, capabilities, devices, restart policy, health command and Servarr's labels.
/// </summary>
public static class ContainerSpecMapper
{
    /// <summary>Maps <paramref name="resource"/> for <paramref name="run"/>; <paramref name="model"/> supplies the apps behind a gateway.</summary>
    public static ContainerSpec Map(ContainerResource resource, DistributedApplicationModel model, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        string Render(ReferenceExpression e) => RunExpressions.Render(e, run.Parameters);
        var environment = EnvironmentEvaluator.Evaluate(resource, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run));
        var gateway = resource.GetVpnGateway();
        var listeners = new NetworkNamespaces(model).Listeners(resource).Where(x => x.Endpoint.TargetPort is not null).ToList();
        var zones = new NetworkZones(model).Of(resource).Select(run.DockerNetworkName).ToList();

        var parameters = new CreateContainerParameters
        {
            Name = resource.Name,
            // The engine model's properties are non-nullable; null! means "leave it to the image".
            Image = resource.GetImage()?.Reference!,
            Hostname = resource.TryGetLastAnnotation<HostnameAnnotation>(out var hostname) ? hostname.Hostname : null!,
            User = resource.TryGetLastAnnotation<UserAnnotation>(out var user) ? $"{Render(user.Uid)}:{Render(user.Gid)}" : null!,
            Entrypoint = resource.TryGetLastAnnotation<EntrypointAnnotation>(out var entrypoint) ? [entrypoint.Entrypoint] : null!,
            Cmd = NullIfEmpty(resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(Render).ToList())!,
            Env = environment.Select(e => $"{e.Key}={Render(e.Value)}").ToList(),
            ExposedPorts = gateway is null ? listeners.ToDictionary(x => PortKey(x.Endpoint), _ => new EmptyStruct()) : null!,
            Healthcheck = MapHealthcheck(resource)!,
            HostConfig = new HostConfig
            {
                NetworkMode = gateway is null ? zones[0] : $"container:{gateway.Name}",
                PortBindings = (gateway is null ? MapPorts(listeners, run) : null)!,
                Mounts = [.. resource.GetMounts().Select(m => MapMount(m, run)), .. resource.Annotations.OfType<GeneratedFileAnnotation>()
                    .Select(f => new Mount { Type = "bind", Source = run.HostPath(f.HostPath), Target = f.Target, ReadOnly = true })],
                CapAdd = NullIfEmpty(resource.Annotations.OfType<CapabilityAnnotation>().Select(c => c.Capability).Distinct().ToList())!,
                Devices = NullIfEmpty(resource.Annotations.OfType<DeviceAnnotation>()
                    .Select(d => new DeviceMapping { PathOnHost = d.HostPath, PathInContainer = d.ContainerPath, CgroupPermissions = "rwm" }).ToList())!,
                RestartPolicy = new global::Docker.DotNet.Models.RestartPolicy { Name = RestartKind(resource.GetRestartPolicy()) },
                Init = resource.Annotations.OfType<InitProcessAnnotation>().Any() ? true : null,
                SecurityOpt = resource.HasNoNewPrivileges() ? [NoNewPrivileges] : null!,
                ExtraHosts = NullIfEmpty(resource.Annotations.OfType<HostAliasAnnotation>().Select(h => $"{h.Hostname}:{h.Address}").ToList())!,
            },
        };

        var labels = resource.Annotations.OfType<ContainerLabelAnnotation>().GroupBy(l => l.Key)
            .ToDictionary(g => g.Key, g => Render(g.Last().Value), StringComparer.Ordinal);
        labels[ServarrLabels.App] = run.AppName;
        labels[ServarrLabels.Resource] = resource.Name;
        if (GeneratedFilesHash(resource, model, run) is { } filesHash)
        {
            labels[ServarrLabels.GeneratedFiles] = filesHash; // a changed config.yml recreates the container
        }

        var extraNetworks = gateway is null ? zones.Skip(1).ToList() : [];
        var specHash = SpecHash(parameters, labels, extraNetworks);
        labels[ServarrLabels.SpecHash] = specHash;
        if (resource.GetLifetime() == ContainerLifetime.Session)
        {
            labels[ServarrLabels.Session] = run.SessionId;
        }

        parameters.Labels = labels;
        return new ContainerSpec(parameters, extraNetworks, specHash);
    }

    private static Dictionary<string, IList<PortBinding>>? MapPorts(IEnumerable<(ContainerResource Owner, EndpointAnnotation Endpoint)> listeners, RunContext run)
    {
        var bindings = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
        foreach (var (owner, endpoint) in listeners)
        {
            // A development port (or a test's random one) wins and never leaves this machine; the model's own host ports serve the LAN.
            var development = run.DevelopmentPorts.TryGetValue((owner.Name, endpoint.Name), out var dev);
            var hostPort = development ? dev : endpoint.Port;
            if (hostPort is null)
            {
                continue;
            }

            var hostIp = development ? "127.0.0.1" : "";
            bindings[PortKey(endpoint)] = [new PortBinding { HostIP = hostIp, HostPort = hostPort.Value.ToString(CultureInfo.InvariantCulture) }];
        }

        return bindings.Count == 0 ? null : bindings;
    }

    private static Mount MapMount(ContainerMountAnnotation mount, RunContext run) => new()
    {
        Type = mount.Type == ContainerMountType.BindMount ? "bind" : "volume",
        Source = mount.Type == ContainerMountType.BindMount ? run.HostPath(mount.Source) : mount.VolumeName,
        Target = mount.Target,
        ReadOnly = mount.IsReadOnly,
    };

    private static HealthcheckConfig? MapHealthcheck(ContainerResource resource) =>
        resource.TryGetLastAnnotation<ContainerHealthCheckAnnotation>(out var check)
            ? new HealthcheckConfig
            {
                Test = ["CMD", .. check.Command],
                Interval = check.Interval,
                Timeout = check.Timeout,
                Retries = check.Retries,
                StartPeriod = check.StartPeriod,
            }
            : null;

    private static string PortKey(EndpointAnnotation endpoint) =>
        $"{endpoint.TargetPort}/{(endpoint.Protocol == EndpointProtocol.Udp ? "udp" : "tcp")}";

    private static RestartPolicyKind RestartKind(ApplicationModel.RestartPolicy policy) => policy switch
    {
        ApplicationModel.RestartPolicy.No => RestartPolicyKind.No,
        ApplicationModel.RestartPolicy.UnlessStopped => RestartPolicyKind.UnlessStopped,
        ApplicationModel.RestartPolicy.OnFailure => RestartPolicyKind.OnFailure,
        _ => RestartPolicyKind.Always,
    };

    /// <summary>SHA-256 over a canonical text of the parameters and user labels (not the session), 16 hex characters.</summary>
    /// <summary>The security option that stops a process gaining privileges through setuid binaries.</summary>
    internal const string NoNewPrivileges = "no-new-privileges:true";

    private static string? GeneratedFilesHash(ContainerResource resource, DistributedApplicationModel model, RunContext run)
    {
        var files = resource.Annotations.OfType<GeneratedFileAnnotation>()
            .Select(f => f.Target + "\n" + GeneratedFiles.Render(f, model, p => run.Parameters.Resolve(p).Value)).ToList();
        return files.Count == 0 ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', files))))[..16];
    }

    private static string SpecHash(CreateContainerParameters p, IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> extraNetworks)
    {
        var host = p.HostConfig!;
        var text = new StringBuilder();
        void Line(string key, IEnumerable<string?>? values) => text.Append(key).Append('=').AppendJoin('\u001f', values ?? []).Append('\n');
        Line("image", [p.Image]);
        Line("hostname", [p.Hostname]);
        Line("user", [p.User]);
        Line("entrypoint", p.Entrypoint);
        Line("cmd", p.Cmd);
        Line("env", p.Env);
        Line("health", p.Healthcheck is null ? null : [.. p.Healthcheck.Test ?? [], p.Healthcheck.Interval.ToString(), p.Healthcheck.Timeout.ToString(), p.Healthcheck.Retries?.ToString(CultureInfo.InvariantCulture)]);
        Line("network", [host.NetworkMode, .. extraNetworks]);
        Line("ports", host.PortBindings?.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}>{b.Value?[0].HostIP}:{b.Value?[0].HostPort}"));
        Line("mounts", host.Mounts?.Select(m => $"{m.Type}:{m.Source}:{m.Target}:{m.ReadOnly}"));
        Line("caps", host.CapAdd);
        Line("security", host.SecurityOpt);
        Line("devices", host.Devices?.Select(d => $"{d.PathOnHost}:{d.PathInContainer}"));
        Line("restart", [host.RestartPolicy.Name.ToString()]);
        Line("init", [host.Init?.ToString()]);
        Line("hosts", host.ExtraHosts);
        Line("labels", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}
