using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// A container's mounts as pod volumes: generated and secret files from a ConfigMap or Secret, named volumes as claims,
/// config and media folders as host paths (<c>Kubernetes:Storage=hostPath</c>) or claims (<c>pvc</c>), sockets as
/// <c>hostPath</c> of type <c>Socket</c>, devices as <c>CharDevice</c>. One instance per publish: a claim several pods
/// use (the media tree, a config folder Kopia backs up) is one object, declared once in <c>claims.yaml</c>.
/// </summary>
internal sealed class KubernetesVolumes(PublishContext context, KubernetesOptions options)
{
    private readonly Dictionary<string, V1PersistentVolumeClaim> _claims = new(StringComparer.Ordinal);

    /// <summary>The mounts of <paramref name="resource"/>; adds the volumes and claims they need to the pod's lists.</summary>
    public List<V1VolumeMount> Mounts(ContainerResource resource, List<V1Volume> volumes, List<V1PersistentVolumeClaim> claims)
    {
        var mounts = new List<V1VolumeMount>();
        foreach (var file in resource.Annotations.OfType<GeneratedFileAnnotation>())
        {
            AddOnce(volumes, new V1Volume { Name = "files", ConfigMap = new V1ConfigMapVolumeSource { Name = KubernetesPublisher.FilesName(resource) } });
            mounts.Add(new V1VolumeMount { Name = "files", MountPath = file.Target, SubPath = file.FileName, ReadOnlyProperty = true });
        }

        foreach (var mount in resource.GetMounts().Where(m => m.Purpose == ContainerMountPurpose.SecretFile))
        {
            AddOnce(volumes, new V1Volume { Name = "secret-files", Secret = new V1SecretVolumeSource { SecretName = KubernetesPublisher.SecretFilesName(resource), DefaultMode = 0x100 } });
            mounts.Add(new V1VolumeMount { Name = "secret-files", MountPath = mount.Target, SubPath = KubernetesPublisher.FileName(mount), ReadOnlyProperty = true });
        }

        foreach (var mount in resource.GetMounts().Where(m => m.Purpose != ContainerMountPurpose.SecretFile))
        {
            string volumeName;
            if (mount.Type == ContainerMountType.Volume)
            {
                volumeName = AddClaim(mount.VolumeName!, options.VolumeSize, volumes, claims);
            }
            else if (options.Storage == "pvc" && !IsSocket(mount) && (mount.Purpose != ContainerMountPurpose.Other || ConfigOwner(resource, mount) != resource.Name))
            {
                // One claim per config folder, one for the whole media tree (Kopia reads the apps' config claims read-only).
                var media = mount.Purpose == ContainerMountPurpose.Media;
                volumeName = AddClaim(media ? "media" : $"{ConfigOwner(resource, mount)}-config", media ? options.MediaSize : options.VolumeSize, volumes, claims);
            }
            else
            {
                var path = HostPath(mount.Source);
                volumeName = $"host-{volumes.Count(v => v.HostPath is not null)}";
                var existing = volumes.FirstOrDefault(v => v.HostPath?.Path == path);
                if (existing is null)
                {
                    // A socket (the Docker engine's) must already be there: DirectoryOrCreate would fail on it, or make an empty folder.
                    volumes.Add(new V1Volume { Name = volumeName, HostPath = new V1HostPathVolumeSource { Path = path, Type = IsSocket(mount) ? "Socket" : "DirectoryOrCreate" } });
                }
                else
                {
                    volumeName = existing.Name;
                }
            }

            mounts.Add(new V1VolumeMount { Name = volumeName, MountPath = mount.Target, ReadOnlyProperty = mount.IsReadOnly ? true : null });
        }

        foreach (var device in resource.Annotations.OfType<DeviceAnnotation>())
        {
            var name = KubernetesNaming.Label($"dev-{device.HostPath.Trim('/').Replace('/', '-')}");
            if (volumes.All(v => v.Name != name))
            {
                volumes.Add(new V1Volume { Name = name, HostPath = new V1HostPathVolumeSource { Path = device.HostPath, Type = "CharDevice" } });
            }

            mounts.Add(new V1VolumeMount { Name = name, MountPath = device.ContainerPath });
        }

        return mounts;
    }

    /// <summary>Whether <paramref name="mount"/>'s source is a Unix socket (the Docker engine's, or any <c>*.sock</c>).</summary>
    public bool IsSocket(ServarrMountAnnotation mount) =>
        mount.Type == ContainerMountType.BindMount && (Validation.HardeningRules.IsDockerSocket(mount) || HostPath(mount.Source).EndsWith(".sock", StringComparison.Ordinal));

    /// <summary>The host path of a bind mount's source, rendered with real (non-secret) values and made absolute.</summary>
    public string HostPath(ReferenceExpression source) =>
        HostPaths.Absolute(RunExpressions.Render(source, context.Parameters), context.AppHostDirectory);

    private static void AddOnce(List<V1Volume> volumes, V1Volume volume)
    {
        if (volumes.All(v => v.Name != volume.Name))
        {
            volumes.Add(volume);
        }
    }

    private string ConfigOwner(ContainerResource resource, ServarrMountAnnotation mount)
    {
        // A config folder mounted into another app (Kopia's backups) belongs to the app whose folder it is.
        var path = HostPath(mount.Source);
        var owner = context.Model.Containers.FirstOrDefault(c => c.GetMounts().Any(m => m.Purpose == ContainerMountPurpose.Config && !m.IsReadOnly && HostPath(m.Source) == path));
        return owner?.Name ?? resource.Name;
    }

    // The pod's volume for claim <name> (the same claim object for every pod that uses it); returns the volume's name.
    private string AddClaim(string name, string size, List<V1Volume> volumes, List<V1PersistentVolumeClaim> claims)
    {
        var volumeName = KubernetesNaming.Label(name);
        if (volumes.Any(v => v.Name == volumeName))
        {
            return volumeName;
        }

        if (!_claims.TryGetValue(name, out var claim))
        {
            claim = new V1PersistentVolumeClaim
            {
                ApiVersion = "v1", Kind = "PersistentVolumeClaim",
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = options.Namespace },
                Spec = new V1PersistentVolumeClaimSpec
                {
                    AccessModes = ["ReadWriteOnce"],
                    StorageClassName = options.StorageClass,
                    Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(size) } },
                },
            };
            _claims.Add(name, claim);
        }

        volumes.Add(new V1Volume { Name = volumeName, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = name } });
        claims.Add(claim);
        return volumeName;
    }
}
