using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>What backups skip in an app's config folder.</summary>
public static class BackupExcludeExtensions
{
    /// <summary>
    /// Skips <paramref name="patterns"/> (Kopia ignore rules, gitignore syntax, relative to the app's config folder)
    /// when Kopia snapshots the app; adds to what the integration already excludes.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddSonarr("sonarr", host).WithBackupExcludes("Backups/", "*.tmp");
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithBackupExcludes<T>(this IResourceBuilder<T> builder, params string[] patterns) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(patterns);
        return builder.WithCheckedAnnotation($".WithBackupExcludes({InputChecks.Quote(patterns)})", () => new BackupExcludeAnnotation([.. patterns]));
    }

    /// <summary>Every pattern backups skip for <paramref name="app"/>, without duplicates, in the order added.</summary>
    public static IReadOnlyList<string> GetBackupExcludes(this IResource app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Annotations.OfType<BackupExcludeAnnotation>().SelectMany(a => a.Patterns).Distinct(StringComparer.Ordinal).ToList();
    }
}
