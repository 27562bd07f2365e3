using k8s;
using k8s.Models;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Checks a pod's objects as they will be written, after <c>PublishAsKubernetes</c>: no <c>hostNetwork</c>,
/// <c>hostPID</c>, <c>hostIPC</c>, privileged container, privilege escalation the model does not allow, seccomp
/// <c>Unconfined</c>, capability or device outside the allow-list, engine socket or system folder as a hostPath, nor a
/// <c>hostPort</c> the model does not allow. Only pods changed by the escape hatch are checked: the rest is the validated model.
/// </summary>
internal static class KubernetesHardening
{
    private const string Hatch = "PublishAsKubernetes";

    public static IReadOnlyList<ValidationProblem> Check(IReadOnlyList<ContainerResource> members, IEnumerable<IKubernetesObject<V1ObjectMeta>> objects)
    {
        var problems = new List<ValidationProblem>();
        if (!members.Any(m => m.Annotations.OfType<KubernetesCustomizationAnnotation>().Any()))
        {
            return problems;
        }

        foreach (var (what, pod) in objects.Select(o => ($"{o.Kind} '{o.Metadata?.Name}'", PodSpec(o))).Where(x => x.Item2 is not null))
        {
            void Refuse(IResource resource, string message) => problems.Add(new(resource.Name, $"{Hatch}: {message}"));
            var primary = members[0];
            foreach (var (flag, space, set) in new[] { ("hostNetwork", "network", pod!.HostNetwork), ("hostPID", "process", pod.HostPID), ("hostIPC", "IPC", pod.HostIPC) })
            {
                if (set == true)
                {
                    Refuse(primary, $"sets {flag}: true on {what}, which shares the node's {space} namespace with the pod; remove it from the callback");
                }
            }

            if (pod.SecurityContext?.SeccompProfile?.Type == "Unconfined")
            {
                Refuse(primary, $"sets seccompProfile Unconfined on {what}, which turns off a kernel protection; remove it from the callback");
            }

            foreach (var container in (pod.Containers ?? []).Concat(pod.InitContainers ?? []))
            {
                var resource = members.FirstOrDefault(m => m.Name == container.Name);
                CheckContainer(resource ?? primary, resource, container, Refuse);
            }

            foreach (var volume in (pod.Volumes ?? []).Where(v => v.HostPath?.Path is not null))
            {
                var mounts = (pod.Containers ?? []).Concat(pod.InitContainers ?? [])
                    .SelectMany(c => (c.VolumeMounts ?? []).Where(m => m.Name == volume.Name).Select(m => (Container: c, Mount: m))).ToList();
                CheckHostPath(members, volume.HostPath.Path, mounts, Refuse);
            }
        }

        return problems;
    }

    private static void CheckContainer(IResource owner, ContainerResource? resource, V1Container container, Action<IResource, string> refuse)
    {
        var security = container.SecurityContext;
        if (container.Image is { } image && ImageReferences.Problem(image) is { } badImage)
        {
            refuse(owner, badImage);
        }

        if (security?.Privileged == true)
        {
            refuse(owner, $"sets securityContext.privileged: true on container '{container.Name}', which gives it the whole node; remove it from the callback");
        }

        if (security?.AllowPrivilegeEscalation == true && (resource is null || resource.HasNoNewPrivileges()))
        {
            refuse(owner, $"sets allowPrivilegeEscalation: true on container '{container.Name}'; remove it, or declare .WithNewPrivileges(\"why\") in the model");
        }

        if (security?.SeccompProfile?.Type == "Unconfined")
        {
            refuse(owner, $"sets seccompProfile Unconfined on container '{container.Name}', which turns off a kernel protection; remove it from the callback");
        }

        if (resource is not null && CapabilitySet.Of(resource).DropsAll && security?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            refuse(owner, $"removes capabilities.drop: [ALL] from container '{container.Name}', which the model declares (.WithOnlyCapabilities); keep it in the callback, or change the model's list");
        }

        if (resource is not null && resource.Annotations.OfType<ImageUserAnnotation>().Any() && !resource.Annotations.OfType<UserAnnotation>().Any()
            && security?.RunAsNonRoot != true)
        {
            refuse(owner, $"removes runAsNonRoot: true from container '{container.Name}', whose image runs as a non-root user; keep it in the callback");
        }

        foreach (var capability in security?.Capabilities?.Add ?? [])
        {
            if (HostAccess.CapabilityProblem(capability, resource is IVpnGatewayResource) is { } problem)
            {
                refuse(owner, problem);
            }
        }

        foreach (var port in (container.Ports ?? []).Where(p => p.HostPort is not null))
        {
            if (resource is null || !resource.Annotations.OfType<HostPortAnnotation>().Any())
            {
                refuse(owner, $"sets hostPort {port.HostPort} on container '{container.Name}', which listens on the node's every interface; drop it from the callback (the Service and Traefik are the way in)");
            }
        }
    }

    private static void CheckHostPath(IReadOnlyList<ContainerResource> members, string path, List<(V1Container Container, V1VolumeMount Mount)> mounts,
        Action<IResource, string> refuse)
    {
        var owner = (IResource?)members.FirstOrDefault(m => mounts.Any(x => x.Container.Name == m.Name)) ?? members[0];
        var target = mounts.Count == 0 ? "(not mounted)" : string.Join(", ", mounts.Select(m => m.Mount.MountPath).Distinct());
        var readOnly = mounts.All(m => m.Mount.ReadOnlyProperty == true);
        var normalized = HostAccess.Normalize(path);
        if (HostAccess.IsDockerSocket(normalized))
        {
            if (!members.Any(m => m.Annotations.OfType<DockerSocketAccessAnnotation>().Any()))
            {
                refuse(owner, $"mounts the Docker socket at {target}, which is root on the node; remove it from the callback, or declare it in the model with .WithDockerSocket(\"what it reads\") (read-only)");
            }
            else if (!readOnly)
            {
                refuse(owner, $"mounts the Docker socket at {target} writable; set readOnly: true on its volumeMount");
            }
        }
        else if (normalized.StartsWith("/dev/", StringComparison.Ordinal))
        {
            if (HostAccess.DeviceProblem(normalized) is { } problem)
            {
                refuse(owner, problem);
            }
        }
        else if (HostAccess.BindProblem(path, target, readOnly) is { } problem)
        {
            refuse(owner, problem);
        }
    }

    private static V1PodSpec? PodSpec(IKubernetesObject<V1ObjectMeta> value) => value switch
    {
        V1Deployment d => d.Spec?.Template?.Spec,
        V1Job j => j.Spec?.Template?.Spec,
        V1StatefulSet s => s.Spec?.Template?.Spec,
        V1DaemonSet d => d.Spec?.Template?.Spec,
        V1ReplicaSet r => r.Spec?.Template?.Spec,
        V1CronJob c => c.Spec?.JobTemplate?.Spec?.Template?.Spec,
        V1Pod p => p.Spec,
        _ => null,
    };
}
