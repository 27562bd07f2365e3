namespace Servarr.Hosting.ApplicationModel;

/// <summary>What a Plex library section holds, which picks its agent and scanner.</summary>
public enum PlexLibraryType
{
    /// <summary>Films: type <c>movie</c>, agent <c>tv.plex.agents.movie</c>, scanner <c>Plex Movie</c>.</summary>
    Movies,

    /// <summary>Series: type <c>show</c>, agent <c>tv.plex.agents.series</c>, scanner <c>Plex TV Series</c>.</summary>
    Shows,
}

/// <summary>
/// A library section Plex should have: its title, what it holds and the folder it scans, as Plex's container sees it
/// (under <c>/data/media</c>, the library Sonarr and Radarr import into).
/// </summary>
/// <example><code>plex.WithAnnotation(new PlexLibraryAnnotation("Anime", PlexLibraryType.Shows, "/data/media/anime")); // what .WithLibrary records</code></example>
public sealed class PlexLibraryAnnotation : IResourceAnnotation
{
    /// <summary>Records the section; the path is absolute inside the container.</summary>
    public PlexLibraryAnnotation(string title, PlexLibraryType type, string path)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(title) || title.Any(char.IsControl))
        {
            throw new ArgumentException($"Plex library title '{title}' is empty or has control characters; pass a name such as \"TV Shows\"", nameof(title));
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "pass PlexLibraryType.Movies or PlexLibraryType.Shows");
        }

        if (!path.StartsWith('/') || path.Contains("/../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            throw new ArgumentException($"Plex library folder '{path}' is not an absolute path inside the container; pass e.g. \"/data/media/tv\"", nameof(path));
        }

        Title = title;
        Type = type;
        Path = path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>The section's title, e.g. <c>TV Shows</c>; Servarr finds the section by it.</summary>
    public string Title { get; }

    /// <summary>What it holds.</summary>
    public PlexLibraryType Type { get; }

    /// <summary>The folder it scans, without a trailing slash.</summary>
    public string Path { get; }
}
