using System.Globalization;
using System.Text.RegularExpressions;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// What <c>restore &lt;app&gt;</c> does, worked out from the model without touching the engine: which Kopia and which
/// source, the one-off containers that list the app's snapshots and restore one into its config folder (mounted
/// read-write at the source path, then given back to the app's owner), and which snapshot a request means.
/// </summary>
/// <example>
/// <code>
/// var plan = RestorePlan.Create(application.Model, "sonarr", run);
/// var snapshot = plan.Choose(KopiaSnapshot.ParseList(listed.Output), snapshotId: null, at: null);
/// </code>
/// </example>
public sealed partial class RestorePlan
{
    private readonly ContainerResource _kopia;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _environment;
    private readonly IReadOnlyList<OneOffMount> _kopiaMounts;
    private readonly RunContext _run;

    private RestorePlan(ContainerResource app, ContainerResource kopia, string sourcePath, string appFolder, string? owner,
        IReadOnlyList<KeyValuePair<string, string>> environment, IReadOnlyList<OneOffMount> kopiaMounts, RunContext run)
    {
        App = app.Name;
        _kopia = kopia;
        SourcePath = sourcePath;
        AppFolder = appFolder;
        Owner = owner;
        _environment = environment;
        _kopiaMounts = kopiaMounts;
        _run = run;
    }

    /// <summary>The app (its container has the same name).</summary>
    public string App { get; }

    /// <summary>The Kopia resource that backs the app up.</summary>
    public string Kopia => _kopia.Name;

    /// <summary>The Kopia source of the app's config, e.g. <c>/data/sonarr</c>; also where the restore writes.</summary>
    public string SourcePath { get; }

    /// <summary>The app's config folder on the host.</summary>
    public string AppFolder { get; }

    /// <summary>The <c>uid:gid</c> the restored files are given, or null when the app declares no owner.</summary>
    public string? Owner { get; }

    /// <summary>Plans the restore of <paramref name="app"/>; throws a one-line <see cref="ServarrException"/> naming the fix.</summary>
    public static RestorePlan Create(DistributedApplicationModel model, string app, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(app);
        ArgumentNullException.ThrowIfNull(run);
        var kopias = model.Containers.Where(c => c is KopiaResource || c.Annotations.OfType<BackupSourceAnnotation>().Any()).ToList();
        if (model.Find(app) is not ContainerResource resource)
        {
            var known = string.Join(", ", model.Containers.Where(c => KopiaBuilderExtensions.ConfigMount(c) is not null && !kopias.Contains(c)).Select(c => c.Name));
            throw new ServarrException($"resource '{app}' is not a container of the model; restore one of: {known}");
        }

        if (kopias.Count == 0)
        {
            throw new ServarrException($"the model has no Kopia, so '{app}' has no backups to restore; add builder.AddKopia(...).WithConfigBackups() and run the stack");
        }

        if (KopiaBuilderExtensions.ConfigMount(resource) is not { } config)
        {
            throw new ServarrException($"resource '{app}' has no config folder (no .WithConfigMount(host)), so nothing of it is backed up or restored");
        }

        var (kopia, source) = kopias.SelectMany(k => k.Annotations.OfType<BackupSourceAnnotation>().Where(s => s.App == resource).Select(s => (k, s)))
            .FirstOrDefault();
        if (kopia is null || source is null)
        {
            throw new ServarrException($"resource '{app}' is not backed up by '{kopias[0].Name}'; add .WithConfigBackups() (or .WithConfigBackupOf({app})) to it");
        }

        string Render(ReferenceExpression e) => RunExpressions.Render(e, run.Parameters);
        var missing = kopia.Annotations.OfType<EnvironmentVariableAnnotation>().SelectMany(v => v.Value.References).OfType<ParameterResource>()
            .Where(p => run.Parameters.Resolve(p).Value is null).Select(p => p.Name).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ServarrException($"resource '{kopia.Name}': parameter '{missing[0]}' has no value; set it as for run (dotnet user-secrets set Parameters:{missing[0]} ...)");
        }

        var environment = EnvironmentEvaluator.Evaluate(kopia, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run))
            .Select(e => new KeyValuePair<string, string>(e.Key, Render(e.Value))).ToList();
        var mounts = kopia.GetMounts().Where(m => !kopia.Annotations.OfType<BackupSourceAnnotation>().Any(s => s.Path == m.Target))
            .Select(m => m.Type == ContainerMountType.Volume
                ? new OneOffMount(m.VolumeName!, m.Target, IsVolume: true, m.IsReadOnly)
                : new OneOffMount(run.HostPath(m.Source), m.Target, IsVolume: false, m.IsReadOnly))
            .ToList();
        return new RestorePlan(resource, kopia, source.Path, run.HostPath(config.Source), OwnerOf(resource, Render), environment, mounts, run);
    }

    /// <summary>The one-off container that prints the app's snapshots as JSON (the config folder read-only).</summary>
    public OneOffContainer ListSnapshots() => OneOff("list", $"exec kopia snapshot list {SourcePath} --json", readOnly: true);

    /// <summary>The one-off container that restores <paramref name="snapshotId"/> into the config folder and gives it to the owner.</summary>
    public OneOffContainer Restore(string snapshotId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        if (!SnapshotId().IsMatch(snapshotId))
        {
            throw new ServarrException($"'{snapshotId}' is not a Kopia snapshot id (letters and digits); list them with: kopia snapshot list {SourcePath}");
        }

        var chown = Owner is null ? "" : $" && chown -R {Owner} {SourcePath}";
        return OneOff("run", $"kopia restore {snapshotId} {SourcePath}{chown}", readOnly: false);
    }

    /// <summary>
    /// The snapshot to restore from <paramref name="snapshots"/>: <paramref name="snapshotId"/> when given, else the latest
    /// at or before <paramref name="at"/>, else the latest; incomplete snapshots and other sources are never chosen.
    /// </summary>
    public KopiaSnapshot Choose(IReadOnlyList<KopiaSnapshot> snapshots, string? snapshotId, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshotId is not null && at is not null)
        {
            throw new ServarrException("give --snapshot or --at, not both");
        }

        var ours = snapshots.Where(s => s.Path == SourcePath && !s.Incomplete).OrderBy(s => s.StartTime).ToList();
        if (ours.Count == 0)
        {
            throw new ServarrException($"no snapshot of '{App}' ({SourcePath}) in the repository yet; take one in the Kopia UI or wait for the schedule (backup-time)");
        }

        if (snapshotId is not null)
        {
            return ours.FirstOrDefault(s => s.Id == snapshotId) ?? throw new ServarrException(
                $"snapshot '{snapshotId}' is not a snapshot of '{App}' ({SourcePath}); the latest is {Describe(ours[^1])}");
        }

        if (at is { } time)
        {
            return ours.LastOrDefault(s => s.StartTime <= time) ?? throw new ServarrException(
                $"no snapshot of '{App}' at or before {time:yyyy-MM-dd HH:mm zzz}; the oldest is {Describe(ours[0])}: pass a later --at");
        }

        return ours[^1];
    }

    /// <summary>A snapshot for messages: <c>k1234… of 2024-05-01 03:00 +00:00</c>.</summary>
    public static string Describe(KopiaSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return $"{snapshot.Id} of {snapshot.StartTime.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}";
    }

    private OneOffContainer OneOff(string step, string script, bool readOnly) => new(
        $"{_kopia.Name}-restore-{App}",
        _kopia.GetImage()?.Reference ?? throw new ServarrException($"resource '{_kopia.Name}' has no image; add .WithImage(...)"),
        ["/bin/sh", "-c", script],
        _environment,
        [.. _kopiaMounts, new OneOffMount(AppFolder, SourcePath, IsVolume: false, readOnly)],
        _kopia.TryGetLastAnnotation<HostnameAnnotation>(out var hostname) ? hostname.Hostname : null, // snapshots belong to USER@hostname
        "0:0", // root: reads every file and gives the restored ones to the app's owner
        new Dictionary<string, string>
        {
            [ServarrLabels.App] = _run.AppName,
            [ServarrLabels.Resource] = $"{_kopia.Name}-restore",
            ["servarr.restore-step"] = step,
        });

    private static string? OwnerOf(ContainerResource app, Func<ReferenceExpression, string> render)
    {
        if (!app.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var owner))
        {
            return null;
        }

        var (uid, gid) = (render(owner.Uid), render(owner.Gid));
        return uint.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out _) && uint.TryParse(gid, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? $"{uid}:{gid}"
            : throw new ServarrException($"resource '{app.Name}': its owner '{uid}:{gid}' is not numeric; set puid and pgid to numbers");
    }

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex SnapshotId();
}
