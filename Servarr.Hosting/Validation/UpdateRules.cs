using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>A container opted in to Watchtower can actually be updated: its image is not pinned by digest.</summary>
internal static class UpdateRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers.Where(c => c.Annotations.OfType<AutoUpdateAnnotation>().Any()))
        {
            if (container.GetImage() is { } image && image.Reference.Contains("@sha256:", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(container, $"WithAutoUpdate() on image '{image.Reference}', which is pinned by digest so Watchtower can never update it; remove .WithAutoUpdate() or pin a tag without @sha256:");
            }
        }
    }
}
