namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A library folder the app manages (Sonarr's and Radarr's root folders), as the container sees it. Keep it under the
/// same mount as the downloads (<c>/data</c>) so imports are hardlinks, not copies.
/// </summary>
/// <example><code>sonarr.WithAnnotation(new RootFolderAnnotation("/data/media/anime")); // what .WithRootFolder("/data/media/anime") records</code></example>
public sealed class RootFolderAnnotation : IResourceAnnotation
{
    /// <summary>Records <paramref name="path"/>, an absolute path inside the container.</summary>
    public RootFolderAnnotation(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.Contains("/../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            throw new ArgumentException($"root folder '{path}' is not an absolute path inside the container; pass e.g. \"/data/media/tv\" (under the media mount, so imports hardlink)", nameof(path));
        }

        Path = path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>The folder, without a trailing slash.</summary>
    public string Path { get; }
}
