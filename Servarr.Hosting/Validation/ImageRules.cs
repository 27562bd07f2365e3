using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Every container has an image reference Docker accepts (<see cref="ImageReferences"/>), pinned to a version tag: never
/// missing, never <c>latest</c>.
/// </summary>
internal static class ImageRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            var image = container.GetImage();
            if (image is null)
            {
                context.Report(container, "has no image; call .WithImage(\"registry/name\", \"version\")");
            }
            else if (ImageReferences.Problem(image.Reference) is { } invalid)
            {
                context.Report(container, invalid);
            }
            else if (image.Tag is null)
            {
                context.Report(container, $"image '{image.Reference}' has no tag; pin a version with .WithImageTag(\"<version>\")");
            }
            else if (string.Equals(image.Tag, "latest", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(container, $"image '{image.Reference}' uses tag 'latest', which changes under you; pin a version with .WithImageTag(\"<version>\")");
            }
        }
    }
}
