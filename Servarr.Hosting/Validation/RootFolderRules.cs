using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// A root folder (<see cref="RootFolderAnnotation"/>) lies in one of the container's mounts — else the app writes its
/// library into the container's own filesystem, lost on the next update — and in the same mount as the downloads when
/// there is one, so imports are hardlinks.
/// </summary>
internal static class RootFolderRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            var targets = container.GetMounts().Select(m => m.Target.TrimEnd('/')).ToList();
            foreach (var folder in container.Annotations.OfType<RootFolderAnnotation>())
            {
                if (!targets.Any(t => folder.Path == t || folder.Path.StartsWith(t + "/", StringComparison.Ordinal)))
                {
                    context.Report(container, $"root folder '{folder.Path}' is in none of its mounts ({string.Join(", ", targets)}), so the library would live inside the container; put it under the media mount, e.g. '/data/media/{folder.Path.Split('/').Last()}'");
                }
            }
        }
    }
}
