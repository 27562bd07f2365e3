using System.Globalization;
using System.Text.RegularExpressions;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.Kopia;

/// <summary>
/// The restore of one app's config folder from Kopia, worked out from the model without touching an engine: the Kopia
/// source of the app (<c>/data/&lt;app&gt;</c>), the one-off Kopia containers that list its snapshots (the folder
/// read-only) and restore one (<c>kopia restore &lt;id&gt; /data/&lt;app&gt;</c>, the folder read-write, then
/// <c>chown -R PUID:PGID</c>), and which snapshot a choice means. The one-offs run as root with Kopia's image, hostname,
/// <c>USER</c>, repository environment and state (config folder, cache), so they see the server's repository and the
/// snapshots it took; the server's UI and control passwords are not passed.
/// </summary>
/// <example>
/// <code>
/// var plan = KopiaRestorePlan.Create(kopia, sonarr, context);
/// var latest = plan.Choose(plan.ReadBackups(listed.Output), id: null);
/// </code>
/// </example>
public sealed partial class KopiaRestorePlan : IConfigRestorePlan
{
    private readonly KopiaResource _kopia;
    private readonly string _image;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _environment;
    private readonly IReadOnlyList<OneOffMount> _kopiaMounts;

    private KopiaRestorePlan(KopiaResource kopia, IResource app, string image, string sourcePath, string configFolder, string? owner,
        IReadOnlyList<KeyValuePair<string, string>> environment, IReadOnlyList<OneOffMount> kopiaMounts)
    {
        _kopia = kopia;
        _image = image;
        App = app.Name;
        SourcePath = sourcePath;
        ConfigFolder = configFolder;
        Owner = owner;
        _environment = environment;
        _kopiaMounts = kopiaMounts;
    }

    /// <inheritdoc />
    public string App { get; }

    /// <inheritdoc />
    public string BackupResource => _kopia.Name;

    /// <summary>The Kopia source of the app's config, e.g. <c>/data/sonarr</c>; also where the restore writes.</summary>
    public string SourcePath { get; }

    /// <inheritdoc />
    public string ConfigFolder { get; }

    /// <inheritdoc />
    public string? Owner { get; }

    /// <summary>Plans the restore of <paramref name="app"/>; throws a one-line <see cref="ServarrException"/> naming the fix.</summary>
    /// <example><code>var plan = KopiaRestorePlan.Create(kopia, sonarr, new ConfigRestoreContext(p => values.Resolve(p).Value, appHostDirectory));</code></example>
    public static KopiaRestorePlan Create(KopiaResource kopia, IResource app, ConfigRestoreContext context)
    {
        ArgumentNullException.ThrowIfNull(kopia);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        if (KopiaBuilderExtensions.ConfigMount(app) is not { } config)
        {
            throw new ServarrException($"resource '{app.Name}' has no config folder (no .WithConfigMount(host)), so nothing of it is backed up or restored");
        }

        var sources = kopia.Annotations.OfType<BackupSourceAnnotation>().ToList();
        if (sources.FirstOrDefault(s => s.App == app) is not { } source)
        {
            throw new ServarrException($"resource '{app.Name}' is not backed up by '{kopia.Name}'; add .WithConfigBackups() (or .WithConfigBackupOf({app.Name})) to it and run the stack");
        }

        var image = kopia.GetImage()?.Reference ?? throw new ServarrException($"resource '{kopia.Name}' has no image; add .WithImage(...)");
        var variables = EnvironmentEvaluator.Evaluate(kopia, ServarrExecution.Run).Where(v => NeededByOneOff(v.Key)).ToList();
        var missing = variables.SelectMany(v => v.Value.References).OfType<ParameterResource>().Where(p => context.ValueOf(p) is null)
            .Select(p => p.Name).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ServarrException($"resource '{kopia.Name}': parameter '{missing[0]}' has no value; set it as for run (dotnet user-secrets set Parameters:{missing[0]} ...)");
        }

        var environment = variables.Select(v => new KeyValuePair<string, string>(v.Key, context.Render(v.Value))).ToList();
        var mounts = kopia.GetMounts().Where(m => !sources.Any(s => s.Path == m.Target))
            .Select(m => m.Type == ContainerMountType.Volume
                ? new OneOffMount(m.VolumeName!, m.Target, IsVolume: true, m.IsReadOnly)
                : new OneOffMount(context.HostPath(m.Source), m.Target, IsVolume: false, m.IsReadOnly))
            .ToList();
        return new KopiaRestorePlan(kopia, app, image, source.Path, context.HostPath(config.Source), OwnerOf(app, context), environment, mounts);
    }

    /// <inheritdoc />
    public OneOffContainerSpec ListBackups() => OneOff("list", $"exec kopia snapshot list {SourcePath} --json", readOnly: true);

    /// <inheritdoc />
    public IReadOnlyList<ConfigBackup> ReadBackups(string listOutput)
    {
        ArgumentNullException.ThrowIfNull(listOutput);
        var ours = KopiaSnapshot.ParseList(listOutput).Where(s => s.Path == SourcePath && !s.Incomplete)
            .OrderByDescending(s => s.StartTime).Select(s => new ConfigBackup(s.Id, s.StartTime)).ToList();
        return ours.Count > 0 ? ours : throw new ServarrException(
            $"no snapshot of '{App}' ({SourcePath}) in '{BackupResource}' yet; take one in the Kopia UI or wait for the schedule (backup-time), then restore");
    }

    /// <inheritdoc />
    public ConfigBackup Choose(IReadOnlyList<ConfigBackup> backups, string? id)
    {
        ArgumentNullException.ThrowIfNull(backups);
        if (backups.Count == 0)
        {
            throw new ServarrException($"no snapshot of '{App}' ({SourcePath}) in '{BackupResource}' yet; take one in the Kopia UI or wait for the schedule (backup-time), then restore");
        }

        var latest = backups.MaxBy(b => b.Time)!;
        if (string.IsNullOrWhiteSpace(id))
        {
            return latest;
        }

        if (!SnapshotId().IsMatch(id))
        {
            throw new ServarrException($"'{id}' is not a Kopia snapshot id of '{App}' (letters and digits); choose one of the listed snapshots, e.g. the latest {latest.Label}");
        }

        return backups.FirstOrDefault(b => b.Id == id) ?? throw new ServarrException(
            $"'{id}' is not a snapshot of '{App}' ({SourcePath}); choose one of the listed snapshots, e.g. the latest {latest.Label}");
    }

    /// <inheritdoc />
    public OneOffContainerSpec Restore(ConfigBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        if (!SnapshotId().IsMatch(backup.Id))
        {
            throw new ServarrException($"'{backup.Id}' is not a Kopia snapshot id of '{App}' (letters and digits); choose one of the listed snapshots");
        }

        var chown = Owner is null ? "" : $" && chown -R {Owner} {SourcePath}";
        return OneOff("restore", $"kopia restore {backup.Id} {SourcePath}{chown}", readOnly: false);
    }

    // The server's UI and control logins and the schedule are the server's business; the one-off needs the repository.
    private static bool NeededByOneOff(string variable) =>
        !variable.StartsWith("KOPIA_SERVER_", StringComparison.Ordinal) && !variable.StartsWith("SERVARR_", StringComparison.Ordinal);

    private OneOffContainerSpec OneOff(string step, string script, bool readOnly) => new(
        $"{_kopia.Name}-restore-{App}",
        _image,
        ["/bin/sh", "-c", script],
        _environment,
        [.. _kopiaMounts, new OneOffMount(ConfigFolder, SourcePath, IsVolume: false, readOnly)],
        _kopia.TryGetLastAnnotation<HostnameAnnotation>(out var hostname) ? hostname.Hostname : null, // snapshots belong to USER@hostname
        "0:0", // root: reads every file and gives the restored ones to the app's owner
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ServarrLabels.Resource] = $"{_kopia.Name}-restore",
            ["servarr.restore-of"] = App,
            ["servarr.restore-step"] = step,
        });

    private static string? OwnerOf(IResource app, ConfigRestoreContext context)
    {
        if (!app.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var owner))
        {
            return null;
        }

        var (uid, gid) = (context.Render(owner.Uid), context.Render(owner.Gid));
        return uint.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out _) && uint.TryParse(gid, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? $"{uid}:{gid}"
            : throw new ServarrException($"resource '{app.Name}': its owner '{uid}:{gid}' is not numeric; set puid and pgid to numbers");
    }

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex SnapshotId();
}
