using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>Runs a <see cref="OneOffContainerSpec"/> to completion (the Docker engine in run mode, a fake in tests).</summary>
/// <example><code>var listed = await engine.RunOneOffAsync(plan.ListBackups(), TimeSpan.FromHours(2), cancellationToken);</code></example>
public interface IOneOffContainerEngine
{
    /// <summary>
    /// Runs <paramref name="container"/> to completion (a leftover of the same name is removed first), collects its
    /// output, and removes it whatever happened; exit code -1 after <paramref name="timeout"/>.
    /// </summary>
    Task<OneOffResult> RunOneOffAsync(OneOffContainerSpec container, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>What the restore asks the user: which backup, and whether to overwrite the config folder.</summary>
/// <example><code>var id = await dialog.ChooseBackupAsync(plan, backups, cancellationToken); // null: cancelled</code></example>
public interface IRestoreDialog
{
    /// <summary>The id of the backup to restore among <paramref name="backups"/> (latest first), or null when the user cancelled.</summary>
    Task<string?> ChooseBackupAsync(IConfigRestorePlan plan, IReadOnlyList<ConfigBackup> backups, CancellationToken cancellationToken);

    /// <summary>Whether the user agrees to overwrite the app's config folder with <paramref name="backup"/>.</summary>
    Task<bool> ConfirmAsync(IConfigRestorePlan plan, ConfigBackup backup, CancellationToken cancellationToken);
}

/// <summary>The app being restored: whether it runs, and stopping and starting it the way the AppHost does.</summary>
/// <example><code>if (app.IsRunning) { await app.StopAsync(cancellationToken); }</code></example>
public interface IRestoredApp
{
    /// <summary>Whether the app runs now (or is starting).</summary>
    bool IsRunning { get; }

    /// <summary>Stops the app; throws a one-line <see cref="ServarrException"/> when it cannot.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Starts the app; throws a one-line <see cref="ServarrException"/> when it cannot.</summary>
    Task StartAsync(CancellationToken cancellationToken);
}
