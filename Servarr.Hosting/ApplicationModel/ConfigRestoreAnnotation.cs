namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// On an app: its config folder can be put back from a backup by <see cref="Provider"/> (the backup integration that
/// backs it up, e.g. Kopia). Run mode offers it as the app's "Restore config from backup" command.
/// </summary>
/// <example>
/// <code>
/// sonarr.WithAnnotation(new ConfigRestoreAnnotation(provider), ResourceAnnotationMutationBehavior.Replace);
/// </code>
/// </example>
public sealed class ConfigRestoreAnnotation : IResourceAnnotation
{
    /// <summary>Records the provider that restores the app's config.</summary>
    public ConfigRestoreAnnotation(IConfigRestoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(provider.BackupResource);
        Provider = provider;
    }

    /// <summary>The backup integration that plans the restore.</summary>
    public IConfigRestoreProvider Provider { get; }
}

/// <summary>A backup integration that can restore an app's config folder (engine-neutral: it only describes containers).</summary>
/// <example>
/// <code>
/// var plan = app.Annotations.OfType&lt;ConfigRestoreAnnotation&gt;().Last().Provider.Plan(app, context);
/// </code>
/// </example>
public interface IConfigRestoreProvider
{
    /// <summary>The resource that keeps the backups, e.g. the Kopia container.</summary>
    IResource BackupResource { get; }

    /// <summary>Plans the restore of <paramref name="app"/>; throws a one-line <see cref="ServarrException"/> naming the fix.</summary>
    IConfigRestorePlan Plan(IResource app, ConfigRestoreContext context);
}

/// <summary>
/// How one app's config folder is restored: a one-off container that lists its backups, how to read that list, and a
/// one-off container that restores one backup into the folder and gives it back to the app's owner.
/// </summary>
/// <example>
/// <code>
/// var backups = plan.ReadBackups(listed.Output); // latest first
/// var restore = plan.Restore(plan.Choose(backups, id: null));
/// </code>
/// </example>
public interface IConfigRestorePlan
{
    /// <summary>The app whose config is restored.</summary>
    string App { get; }

    /// <summary>The resource that keeps the backups.</summary>
    string BackupResource { get; }

    /// <summary>The app's config folder on the host.</summary>
    string ConfigFolder { get; }

    /// <summary>The <c>uid:gid</c> the restored files are given, or null when the app declares no owner.</summary>
    string? Owner { get; }

    /// <summary>The one-off container that prints the app's backups (the config folder read-only).</summary>
    OneOffContainerSpec ListBackups();

    /// <summary>The app's complete backups in <paramref name="listOutput"/>, latest first; throws when there is none yet.</summary>
    IReadOnlyList<ConfigBackup> ReadBackups(string listOutput);

    /// <summary>The backup <paramref name="id"/> names among <paramref name="backups"/>, or the latest when null; throws for an unknown id.</summary>
    ConfigBackup Choose(IReadOnlyList<ConfigBackup> backups, string? id);

    /// <summary>The one-off container that restores <paramref name="backup"/> into the config folder and gives it to the owner.</summary>
    OneOffContainerSpec Restore(ConfigBackup backup);
}

/// <summary>One backup of an app's config: its id and when it was taken.</summary>
/// <param name="Id">The backup's id (letters and digits).</param>
/// <param name="Time">When it was taken.</param>
/// <example><code>new ConfigBackup("k1f2", DateTimeOffset.UtcNow).Label // "k1f2 of 2026-05-04 03:00 +00:00"</code></example>
public sealed record ConfigBackup(string Id, DateTimeOffset Time)
{
    /// <summary>For messages and choices: <c>k1234 of 2026-05-04 03:00 +00:00</c>.</summary>
    public string Label => $"{Id} of {Time.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)}";
}
