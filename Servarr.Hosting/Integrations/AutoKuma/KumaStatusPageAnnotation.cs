using System.Text.RegularExpressions;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A public Uptime Kuma status page at <c>/status/&lt;slug&gt;</c> for the apps with a public hostname. AutoKuma creates
/// the page; its monitors are grouped under the group monitor <see cref="AutoKumaResource.PublicGroupId"/>.
/// </summary>
public sealed partial class KumaStatusPageAnnotation : IResourceAnnotation
{
    /// <summary>Records a status page.</summary>
    public KumaStatusPageAnnotation(string slug, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (slug is null || !Slug().IsMatch(slug))
        {
            throw new ArgumentException($"Status page slug '{slug}' must be lowercase letters, digits and hyphens.", nameof(slug));
        }

        PageSlug = slug;
        Title = title;
    }

    /// <summary>The slug: the page is served at <c>/status/&lt;slug&gt;</c>.</summary>
    public string PageSlug { get; }

    /// <summary>The page title.</summary>
    public string Title { get; }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
