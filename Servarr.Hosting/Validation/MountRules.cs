using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Bind sources are not empty; in run mode media paths and secret files exist (config folders are created by run mode); paths an app
/// writes are not mounted read-only; one target is not mounted twice.
/// </summary>
internal static class MountRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            var mounts = container.GetMounts();
            foreach (var mount in mounts.Where(m => m.Type == ContainerMountType.BindMount))
            {
                CheckSource(context, container, mount);
            }

            foreach (var writable in container.Annotations.OfType<WritableMountAnnotation>())
            {
                if (mounts.FirstOrDefault(m => m.Target == writable.Target && m.IsReadOnly) is { } readOnly)
                {
                    context.Report(container, $"mounts {readOnly.Target} read-only, but the app writes there; drop isReadOnly: true for that mount");
                }
            }

            foreach (var group in mounts.GroupBy(m => m.Target.TrimEnd('/')).Where(g => g.Count() > 1))
            {
                context.Report(container, $"mounts {group.Count()} sources at {group.Key}; keep one mount per target path");
            }
        }
    }

    private static void CheckSource(ValidationContext context, ContainerResource container, ServarrMountAnnotation mount)
    {
        var parameters = mount.Source.References.OfType<ParameterResource>().ToList();
        if (parameters.Any(p => context.Parameters.Resolve(p).Source == ParameterValueSource.Missing))
        {
            return; // a missing parameter is reported once by ParameterRules in run mode, and is a placeholder when publishing
        }

        var empty = parameters.FirstOrDefault(p => string.IsNullOrWhiteSpace(context.Parameters.Resolve(p).Value));
        var source = mount.Source.Render(value => value is ParameterResource p ? context.Parameters.Resolve(p).Value ?? "" : "");
        if (empty is not null)
        {
            context.Report(container, $"bind mount at {mount.Target} has an empty source because parameter '{empty.Name}' is empty; set it to a host path (dotnet user-secrets set {empty.ConfigurationKey} <path> --project Servarr.AppHost)");
        }
        else if (string.IsNullOrWhiteSpace(source))
        {
            context.Report(container, $"bind mount at {mount.Target} has an empty source; pass the host path to WithBindMount");
        }
        else if (context.ExecutionContext.IsRunMode && mount.Purpose == ContainerMountPurpose.Media && Path.IsPathRooted(source)
            && !parameters.Any(p => context.Parameters.Resolve(p).Source == ParameterValueSource.Development) // created on first run
            && !context.DirectoryExists(source))
        {
            var hint = parameters.Count > 0 ? $", or point parameter '{parameters[0].Name}' at your library" : "";
            context.Report(container, $"media path {source} (mounted at {mount.Target}) does not exist; create it (mkdir -p {source}){hint}");
        }
        else if (context.ExecutionContext.IsRunMode && mount.Purpose == ContainerMountPurpose.SecretFile && !context.FileExists(source))
        {
            context.Report(container, $"secret file {source} (mounted at {mount.Target}) does not exist; put the file there before running (Servarr never creates or prints secrets)");
        }
    }
}
