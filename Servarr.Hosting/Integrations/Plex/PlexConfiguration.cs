using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Plex's configuration from the model: one library section per <see cref="PlexLibraryAnnotation"/> (by default
/// <c>Movies</c> at <c>/data/media/movies</c> and <c>TV Shows</c> at <c>/data/media/tv</c>, the folders Radarr and Sonarr
/// import into). Every call needs the server's token (<see cref="PlexToken"/>); until Plex is claimed the sections wait.
/// </summary>
internal static class PlexConfiguration
{
    /// <summary>The sections when the model names none.</summary>
    public static readonly IReadOnlyList<PlexLibraryAnnotation> DefaultLibraries =
    [
        new("Movies", PlexLibraryType.Movies, "/data/media/movies"),
        new("TV Shows", PlexLibraryType.Shows, "/data/media/tv"),
    ];

    public static IEnumerable<ConfigurationItem> Items(AppConfigurationContext context)
    {
        var plex = (PlexResource)context.Resource;
        var api = new PlexApi(context.Http, ct => PlexToken.ReadAsync(context, plex, ct));
        var libraries = plex.Annotations.OfType<PlexLibraryAnnotation>().ToList() is { Count: > 0 } named ? named : DefaultLibraries;
        return libraries.Select(l => new PlexLibraryItem(api, l));
    }

    /// <summary>The model's library folders that lie in none of Plex's mounts (Plex could not scan them).</summary>
    public static IEnumerable<string> Check(PlexResource plex)
    {
        var targets = plex.GetMounts().Select(m => m.Target.TrimEnd('/')).ToList();
        foreach (var library in plex.Annotations.OfType<PlexLibraryAnnotation>())
        {
            if (!targets.Any(t => library.Path == t || library.Path.StartsWith(t + "/", StringComparison.Ordinal)))
            {
                yield return $"library '{library.Title}' scans '{library.Path}', which is in none of its mounts ({string.Join(", ", targets)}); put it under the media mount, e.g. '/data/media/{library.Path.Split('/').Last()}'";
            }
        }
    }
}

/// <summary>One library section: present with the model's type and folder, found by title.</summary>
internal sealed class PlexLibraryItem(PlexApi api, PlexLibraryAnnotation library) : ConfigurationItem("library section", library.Title)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var sections = await api.SectionsAsync(cancellationToken).ConfigureAwait(false);
        var type = PlexApi.Kind(library.Type).Type;
        if (sections.FirstOrDefault(s => string.Equals(s.Title, library.Title, StringComparison.OrdinalIgnoreCase)) is not { } section)
        {
            return new ConfigurationChange("missing", ct => api.AddSectionAsync(library, ct));
        }

        if (section.Type != type)
        {
            // Plex cannot change a section's type; replacing it would drop its watch history, which is the user's call.
            throw new ConfigurationException($"library section '{section.Title}' holds type '{section.Type}', the model says '{type}'; delete it in Plex (Settings > Libraries) or give .WithLibrary another title");
        }

        return section.Locations.Contains(library.Path, StringComparer.Ordinal)
            ? null
            : new ConfigurationChange($"folder '{library.Path}' missing (it scans {string.Join(", ", section.Locations.Select(l => $"'{l}'"))})",
                ct => api.SetLocationsAsync(section, [.. section.Locations, library.Path], ct));
    }
}
