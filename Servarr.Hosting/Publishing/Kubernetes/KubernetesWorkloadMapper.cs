using System.Globalization;
using k8s;
using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Pure mapping of one pod's worth of the model to Kubernetes objects: a container resource — plus, for a VPN gateway,
/// every app behind it, as containers of the same pod sharing its network — becomes a Deployment (a Job when it must
/// not restart), a Service for its ports, and claims for its storage (one object per claim, shared by the pods that mount it). Features Kubernetes has no place for are listed
/// in <see cref="KubernetesWorkload.NotMapped"/>, never dropped silently.
/// </summary>
public sealed class KubernetesWorkloadMapper(PublishContext context, KubernetesOptions options)
{
    /// <summary>The pinned image of the init containers that wait for a dependency.</summary>
    public const string WaitImage = "docker.io/library/busybox:1.37.0";

    private readonly NetworkNamespaces _namespaces = new(context.Model);
    private readonly NetworkZones _zones = new(context.Model);
    private readonly KubernetesVolumes _volumes = new(context, options);

    /// <summary>Maps the pod of <paramref name="primary"/> (a container not behind a gateway).</summary>
    public KubernetesWorkload Map(ContainerResource primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var members = new List<ContainerResource> { primary };
        members.AddRange(context.Model.Containers.Where(c => c.GetVpnGateway() == primary));
        var notMapped = new List<string>();
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = primary.Name,
            ["app.kubernetes.io/part-of"] = "servarr",
        };
        var volumes = new List<V1Volume>();
        var claims = new List<V1PersistentVolumeClaim>();
        var listeners = _namespaces.Listeners(primary).Where(x => x.Endpoint.TargetPort is not null).ToList();
        var portNames = KubernetesNaming.PortNames(primary, listeners);
        var containers = members.Select(m => Container(m, portNames, volumes, claims, notMapped)).ToList();
        if (primary is IVpnGatewayResource gateway)
        {
            if (members.Count > 1)
            {
                // In a pod, Services reach the apps through the gateway's interface: its firewall must let their ports in.
                var appPorts = members.Skip(1).SelectMany(m => m.GetEndpointAnnotations()).Where(e => e.TargetPort is not null).Select(e => e.TargetPort!.Value).Distinct();
                containers[0].Env ??= [];
                containers[0].Env.Add(new V1EnvVar { Name = gateway.InputPortsVariable, Value = string.Join(',', appPorts.Select(p => p.ToString(CultureInfo.InvariantCulture))) });
            }

            // Service IPs and kube-dns are outside the tunnel: the kill switch must let the cluster's ranges out.
            containers[0].Env = KubernetesEnvironment.WithClusterOutbound(containers[0].Env ?? [], gateway.OutboundSubnetsVariable, options);
        }

        var pod = new V1PodSpec
        {
            Containers = containers,
            InitContainers = NullIfEmpty(WaitContainers(members)),
            Volumes = NullIfEmpty(volumes),
            Hostname = primary.TryGetLastAnnotation<HostnameAnnotation>(out var hostname) ? hostname.Hostname : null,
            // No app talks to the Kubernetes API (Watchtower and AutoKuma use the Docker socket): no token in the pod.
            AutomountServiceAccountToken = false,
            // The container runtime's default seccomp filter, as Docker applies it to every compose container.
            SecurityContext = new V1PodSecurityContext { SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
        };
        if (members.FirstOrDefault(m => m.GetMounts().Any(x => x.Purpose == ContainerMountPurpose.SecretFile)) is { } reading
            && reading.TryGetLastAnnotation<SecretFileReaderAnnotation>(out var reader))
        {
            // Secret files are mounted root's and 0400; with fsGroup the kubelet gives the volume's files that group with
            // group read, so the app's user (e.g. cloudflared's 65532) reads them and nobody else in the pod does.
            pod.SecurityContext.FsGroup = reader.Uid;
        }

        var meta = new V1ObjectMeta { Name = primary.Name, NamespaceProperty = options.Namespace, Labels = labels };
        // The model's container labels (e.g. Watchtower's) are Docker's; on the pod they become annotations, which take any text.
        var annotations = PodAnnotations(members, notMapped);
        var podLabels = new Dictionary<string, string>(labels);
        if (context.Model.Networks.Any())
        {
            foreach (var zone in KubernetesNetworkPolicies.PodLabels(_zones, primary))
            {
                podLabels[zone.Key] = zone.Value;
            }
        }

        var podMeta = new V1ObjectMeta { Labels = podLabels, Annotations = annotations.Count == 0 ? null : annotations };
        var restart = primary.GetRestartPolicy();
        IKubernetesObject<V1ObjectMeta> workload = restart is ApplicationModel.RestartPolicy.No or ApplicationModel.RestartPolicy.OnFailure
            ? new V1Job
            {
                ApiVersion = "batch/v1", Kind = "Job", Metadata = meta,
                Spec = new V1JobSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = podMeta,
                        Spec = Restarting(pod, restart == ApplicationModel.RestartPolicy.No ? "Never" : "OnFailure"),
                    },
                },
            }
            : new V1Deployment
            {
                ApiVersion = "apps/v1", Kind = "Deployment", Metadata = meta,
                Spec = new V1DeploymentSpec
                {
                    Replicas = 1,
                    // One pod at a time: config folders and claims are single-writer (ReadWriteOnce).
                    Strategy = new V1DeploymentStrategy { Type = "Recreate" },
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec { Metadata = podMeta, Spec = pod },
                },
            };
        var ports = listeners
            .Select(x => new V1ServicePort
            {
                Name = portNames[(x.Owner, x.Endpoint)],
                Port = x.Endpoint.TargetPort!.Value,
                TargetPort = x.Endpoint.TargetPort!.Value,
                Protocol = x.Endpoint.Protocol == System.Net.Sockets.ProtocolType.Udp ? "UDP" : "TCP",
            }).ToList();
        var service = ports.Count == 0 ? null : new V1Service
        {
            ApiVersion = "v1", Kind = "Service",
            Metadata = new V1ObjectMeta { Name = primary.Name, NamespaceProperty = options.Namespace, Labels = labels },
            Spec = new V1ServiceSpec { Selector = labels, Ports = ports },
        };
        foreach (var member in members)
        {
            Note(member, notMapped);
        }

        return new KubernetesWorkload(primary, members, workload, service, claims, notMapped);
    }

    private Dictionary<string, string> PodAnnotations(List<ContainerResource> members, List<string> notMapped)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (member, label) in members.SelectMany(m => m.Annotations.OfType<ContainerLabelAnnotation>().Select(l => (m, l))))
        {
            if (KubernetesNaming.IsQualifiedName(label.Key))
            {
                annotations[label.Key] = Render(label.Value);
            }
            else
            {
                notMapped.Add($"{member.Name}: label '{label.Key}' (not an annotation key: at most 63 letters, digits, '-', '_', '.' after an optional prefix/; shorten it)");
            }
        }

        return annotations;
    }

    private V1Container Container(ContainerResource resource, IReadOnlyDictionary<(ContainerResource, EndpointAnnotation), string> portNames,
        List<V1Volume> volumes, List<V1PersistentVolumeClaim> claims, List<string> notMapped)
    {
        var image = resource.GetImage() ?? throw new ServarrException($"resource '{resource.Name}': no image; add .WithImage(...)");
        var container = new V1Container
        {
            Name = resource.Name,
            Image = image.Reference,
            Command = resource.Entrypoint is { } entrypoint ? [entrypoint.Replace("$", "$$", StringComparison.Ordinal)] : null, // Kubernetes reads $$ as $
            Args = NullIfEmpty(resource.GetArgs(ServarrExecution.Publish)
                .Select(a => a.IsLiteral ? a.Render(_ => "").Replace("$", "$$", StringComparison.Ordinal) : throw new ServarrException(
                    $"resource '{resource.Name}': an argument uses a parameter, which Kubernetes publishing cannot put in args; pass it as an environment variable"))
                .ToList()),
            Env = NullIfEmpty(KubernetesEnvironment.Map(resource).ToList()),
            Ports = NullIfEmpty(resource.GetEndpointAnnotations().Where(e => e.TargetPort is not null)
                .Select(e => new V1ContainerPort { Name = portNames[(resource, e)], ContainerPort = e.TargetPort!.Value, Protocol = e.Protocol == System.Net.Sockets.ProtocolType.Udp ? "UDP" : "TCP" })
                .ToList()),
            VolumeMounts = NullIfEmpty(_volumes.Mounts(resource, volumes, claims)),
        };
        container.SecurityContext = KubernetesSecurity.For(resource, Render);
        if (resource.TryGetLastAnnotation<ResourceLimitsAnnotation>(out var limits))
        {
            var quantities = new Dictionary<string, ResourceQuantity>();
            if (limits.CpusText is { } cpus)
            {
                quantities["cpu"] = new ResourceQuantity(cpus);
            }

            if (limits.MemoryMiB is { } memory)
            {
                quantities["memory"] = new ResourceQuantity($"{memory}Mi");
            }

            container.Resources = new V1ResourceRequirements { Limits = quantities };
        }

        if (resource is PlexResource && options.PlexAdvertiseUrls is { } advertise)
        {
            container.Env ??= [];
            container.Env = [.. container.Env.Where(e => e.Name != "ADVERTISE_IP"), new V1EnvVar { Name = "ADVERTISE_IP", Value = advertise }];
        }

        (container.ReadinessProbe, container.LivenessProbe) = KubernetesProbes.For(resource, notMapped);
        return container;
    }

    private List<V1Container> WaitContainers(List<ContainerResource> members)
    {
        var waits = new List<V1Container>();
        foreach (var wait in members.SelectMany(m => m.Annotations.OfType<WaitAnnotation>()).Where(w => w.Resource is ContainerResource && !members.Contains(w.Resource)))
        {
            if (wait.WaitType == WaitType.WaitForCompletion)
            {
                throw new ServarrException($"resource '{wait.Resource.Name}': WaitForCompletion has no Kubernetes equivalent Servarr maps yet; use WaitFor, or run it as a Job yourself via PublishAsKubernetes");
            }

            var target = (ContainerResource)wait.Resource;
            var endpoint = target.GetEndpointAnnotations().FirstOrDefault(e => e.TargetPort is not null)
                ?? throw new ServarrException($"resource '{target.Name}': something waits for it, but it has no endpoint to wait on in Kubernetes; give it an endpoint or drop the WaitFor");
            var host = target.GetNetworkHost();
            var name = KubernetesNaming.Label($"wait-for-{target.Name}");
            if (waits.Any(w => w.Name == name))
            {
                continue;
            }

            // Kubernetes has no "start after that one is ready": wait until its Service answers (readiness gates it).
            waits.Add(new V1Container
            {
                Name = name,
                Image = WaitImage,
                Command = ["sh", "-c", $"until nc -z -w 2 {host} {endpoint.TargetPort}; do echo waiting for {host}:{endpoint.TargetPort}; sleep 2; done"],
                SecurityContext = KubernetesSecurity.ForWait(),
            });
        }

        return waits;
    }

    private void Note(ContainerResource resource, List<string> notMapped)
    {
        if (options.Storage == "hostPath" && resource.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var owner)
            && resource.GetMounts().FirstOrDefault(m => m.Purpose == ContainerMountPurpose.Config && m.Type == ContainerMountType.BindMount) is { } config)
        {
            notMapped.Add($"{resource.Name}: config folder owner (create it on the node first: sudo install -d -o {Render(owner.Uid)} -g {Render(owner.Gid)} {HostPath(config.Source)})");
        }

        if (resource.Annotations.OfType<InitProcessAnnotation>().Any())
        {
            notMapped.Add($"{resource.Name}: WithInitProcess (Kubernetes has no --init; the app runs as PID 1)");
        }

        if (resource.GetEndpointAnnotations().Any(e => e.Port is not null))
        {
            notMapped.Add($"{resource.Name}: host port (published through its Service and Traefik instead)");
        }

        if (resource.GetLifetime() == ContainerLifetime.Persistent)
        {
            notMapped.Add($"{resource.Name}: persistent lifetime (a run-mode choice; Deployments always persist)");
        }

        if (resource.GetMounts().FirstOrDefault(Validation.HardeningRules.IsDockerSocket) is { } socket)
        {
            var why = resource.Annotations.OfType<DockerSocketAccessAnnotation>().LastOrDefault()?.WithoutDocker
                ?? "it talks to the Docker engine, not to Kubernetes";
            notMapped.Add($"{resource.Name}: the Docker socket ({HostPath(socket.Source)} exists only on a node that runs Docker; {why}; schedule the pod there with a nodeSelector)");
        }
    }

    private static V1PodSpec Restarting(V1PodSpec pod, string policy)
    {
        pod.RestartPolicy = policy;
        return pod;
    }

    // Names, ids and host paths are written with their real (non-secret) values, as run mode renders them.
    private string Render(ReferenceExpression expression) => RunExpressions.Render(expression, context.Parameters);

    private string HostPath(ReferenceExpression source) => _volumes.HostPath(source);

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items) => items.ToList() is { Count: > 0 } list ? list : null;
}

/// <summary>The objects of one pod and what could not be mapped.</summary>
/// <param name="Primary">The resource that names the pod.</param>
/// <param name="Members">Its containers (the gateway and its VPN apps).</param>
/// <param name="Workload">The Deployment or Job.</param>
/// <param name="Service">Its Service, or null without ports.</param>
/// <param name="Claims">Claims it mounts (objects shared with other pods that mount them; the publisher writes each once, to <c>claims.yaml</c>).</param>
/// <param name="NotMapped">Model features with no Kubernetes counterpart, one line each.</param>
public sealed record KubernetesWorkload(ContainerResource Primary, IReadOnlyList<ContainerResource> Members, IKubernetesObject<V1ObjectMeta> Workload,
    V1Service? Service, IReadOnlyList<V1PersistentVolumeClaim> Claims, IReadOnlyList<string> NotMapped);
