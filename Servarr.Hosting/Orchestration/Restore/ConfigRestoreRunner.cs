using Microsoft.Extensions.Logging;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>
/// Carries out an <see cref="IConfigRestorePlan"/>: list the app's backups (a one-off container), ask which one and
/// for confirmation, stop the app, restore into its config folder and give it to the app's owner (a second one-off),
/// start the app again (also when the restore failed or was cancelled, and the error says so). The one-off containers
/// are always removed (the engine's promise). Progress goes to <c>log</c>, one line per step, never a secret.
/// </summary>
public static class ConfigRestoreRunner
{
    /// <summary>How long one step may take (a large Plex config over a slow link takes a while).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromHours(2);

    /// <summary>Restores; returns the backup restored, or null when the user cancelled (then nothing was changed).</summary>
    /// <example>
    /// <code>
    /// var restored = await ConfigRestoreRunner.RunAsync(plan, engine, dialog, app, logger, cancellationToken);
    /// </code>
    /// </example>
    public static async Task<ConfigBackup?> RunAsync(IConfigRestorePlan plan, IOneOffContainerEngine engine, IRestoreDialog dialog, IRestoredApp app,
        ILogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(log);
        Log(log, $"restore: listing the backups of '{plan.App}' with '{plan.BackupResource}'");
        var listed = await engine.RunOneOffAsync(plan.ListBackups(), StepTimeout, cancellationToken).ConfigureAwait(false);
        if (listed.ExitCode != 0)
        {
            throw new ServarrException($"restore of '{plan.App}': listing its backups with '{plan.BackupResource}' failed ({listed.LastLine}); make sure '{plan.BackupResource}' runs and is connected to its repository (its console log), then retry. Nothing was changed.");
        }

        var backups = plan.ReadBackups(listed.Output);
        Log(log, $"restore: {backups.Count} backup(s) of '{plan.App}', the latest {backups[0].Label}");
        var chosenId = await dialog.ChooseBackupAsync(plan, backups, cancellationToken).ConfigureAwait(false);
        if (chosenId is null)
        {
            Log(log, $"restore of '{plan.App}' cancelled; nothing was changed");
            return null;
        }

        var backup = plan.Choose(backups, chosenId);
        if (!await dialog.ConfirmAsync(plan, backup, cancellationToken).ConfigureAwait(false))
        {
            Log(log, $"restore of '{plan.App}' cancelled; nothing was changed");
            return null;
        }

        var restart = app.IsRunning;
        if (restart)
        {
            Log(log, $"restore: stopping '{plan.App}'");
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        OneOffResult restored;
        try
        {
            Log(log, $"restore: restoring {backup.Label} into {plan.ConfigFolder}");
            restored = await engine.RunOneOffAsync(plan.Restore(backup), StepTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (restart)
            {
                // Even when cancelled or failed: the app must not stay down because of the restore.
                Log(log, $"restore: starting '{plan.App}' again");
                await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        var started = restart ? $"; '{plan.App}' was started again" : $"; '{plan.App}' was not running and was left stopped";
        if (restored.ExitCode != 0)
        {
            throw new ServarrException($"restore of '{plan.App}' from {backup.Id} failed ({restored.LastLine}){started}; {plan.ConfigFolder} may be partly restored: run the restore again");
        }

        var owner = plan.Owner is null ? "" : $", owned by {plan.Owner}";
        Log(log, $"restored '{plan.App}' from {backup.Label} into {plan.ConfigFolder}{owner}{started}");
        return backup;
    }

    private static void Log(ILogger log, string line) => log.LogInformation("{Line}", line);
}
