using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// Gives Aspire's manifest Servarr's mounts: Aspire's manifest takes plain paths (written relative to the manifest), so
/// a source holding a parameter is written with the parameter's published value (<c>/srv/servarr/config/sonarr</c>).
/// Compose and Kubernetes keep the parameter itself.
/// </summary>
internal static class ManifestMounts
{
    public static void Add(DistributedApplicationModel model, ParameterValues values)
    {
        foreach (var container in model.Containers)
        {
            foreach (var mount in container.Annotations.OfType<ServarrMountAnnotation>().ToList())
            {
                var source = mount.Type == ContainerMountType.Volume ? mount.VolumeName! : RunExpressions.Render(mount.Source, values);
                if (source.Length > 0 && !container.Annotations.OfType<ContainerMountAnnotation>().Any(m => m.Target == mount.Target))
                {
                    container.Annotations.Add(new ContainerMountAnnotation(source, mount.Target, mount.Type, mount.IsReadOnly));
                }
            }
        }
    }
}
