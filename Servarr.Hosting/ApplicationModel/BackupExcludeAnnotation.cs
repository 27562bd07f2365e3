namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Paths inside an app's config folder that backups skip (Kopia ignore rules, gitignore syntax, relative to the
/// folder): caches, logs, anything the app rebuilds. Several annotations add up.
/// </summary>
/// <example>
/// <code>
/// plex.WithAnnotation(new BackupExcludeAnnotation(["Cache/", "Logs/"]));
/// </code>
/// </example>
public sealed class BackupExcludeAnnotation : IResourceAnnotation
{
    /// <summary>Records patterns; each must be non-empty, one line, and free of single quotes (the start-up script quotes them).</summary>
    public BackupExcludeAnnotation(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            throw new ArgumentException("no pattern given; pass at least one, e.g. \"Backups/\"", nameof(patterns));
        }

        foreach (var pattern in patterns)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new ArgumentException("an exclude pattern is empty; remove it or write one, e.g. \"*.tmp\"", nameof(patterns));
            }

            if (pattern.Any(c => char.IsControl(c) || c == '\''))
            {
                throw new ArgumentException($"exclude pattern {InputChecks.Quote(pattern)} holds a single quote or a line break, which Kopia's start-up script cannot quote; match that character with ? instead", nameof(patterns));
            }
        }

        Patterns = patterns;
    }

    /// <summary>The patterns, in the order given.</summary>
    public IReadOnlyList<string> Patterns { get; }
}
