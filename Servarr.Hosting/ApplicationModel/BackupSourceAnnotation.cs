using System.Text.RegularExpressions;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// On the backup container: <see cref="App"/>'s config folder is mounted at <see cref="Path"/> and snapshotted as
/// that source. The start-up script sets one policy per source; <c>restore</c> finds the app's snapshots by it.
/// </summary>
/// <example>
/// <code>
/// kopia.WithAnnotation(new BackupSourceAnnotation(sonarr.Resource, "/data/sonarr"));
/// </code>
/// </example>
public sealed partial class BackupSourceAnnotation : IResourceAnnotation
{
    /// <summary>Records a source; <paramref name="path"/> is absolute and made of letters, digits, '.', '_', '-' and '/'.</summary>
    public BackupSourceAnnotation(IResource app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!SafePath().IsMatch(path))
        {
            throw new ArgumentException($"Backup source '{path}' must be an absolute path of letters, digits, '.', '_', '-' and '/'.", nameof(path));
        }

        App = app;
        Path = path;
    }

    /// <summary>The app whose config is backed up.</summary>
    public IResource App { get; }

    /// <summary>Where the config folder appears inside the backup container, e.g. <c>/data/sonarr</c>.</summary>
    public string Path { get; }

    [GeneratedRegex("^/[A-Za-z0-9._/-]+$")]
    private static partial Regex SafePath();
}
