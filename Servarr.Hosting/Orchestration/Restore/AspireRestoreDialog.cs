using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>
/// The restore's questions through Aspire's interaction service (dialogs in the dashboard): a choice of snapshot,
/// latest first and chosen by default, then a confirmation. Without interaction (no dashboard, or a command run from
/// code) the latest snapshot is restored without asking.
/// </summary>
internal sealed class AspireRestoreDialog(IInteractionService interaction) : IRestoreDialog
{
    public async Task<string?> ChooseBackupAsync(IConfigRestorePlan plan, IReadOnlyList<ConfigBackup> backups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(backups);
        if (!interaction.IsAvailable)
        {
            return backups[0].Id;
        }

        var input = new InteractionInput
        {
            Name = "snapshot",
            Label = "Snapshot",
            InputType = InputType.Choice,
            Required = true,
            Options = [.. backups.Select((b, i) => new KeyValuePair<string, string>(b.Id, i == 0 ? $"{b.Label} (latest)" : b.Label))],
            Value = backups[0].Id,
        };
        var result = await interaction.PromptInputAsync($"Restore the config of {plan.App}",
            $"Choose the snapshot of '{plan.App}' kept by '{plan.BackupResource}' to put back into {plan.ConfigFolder}.", input,
            new InputsDialogInteractionOptions { PrimaryButtonText = "Next" }, cancellationToken).ConfigureAwait(false);
        return result.Canceled ? null : result.Data?.Value ?? backups[0].Id;
    }

    public async Task<bool> ConfirmAsync(IConfigRestorePlan plan, ConfigBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(backup);
        if (!interaction.IsAvailable)
        {
            return true;
        }

        var owner = plan.Owner is null ? "" : $", gives the files to {plan.Owner}";
        var result = await interaction.PromptConfirmationAsync($"Overwrite the config of {plan.App}?",
            $"This stops '{plan.App}', overwrites {plan.ConfigFolder} with snapshot {backup.Label}{owner} and starts '{plan.App}' again. "
            + "Files the snapshot does not have are kept; the backups are not changed.",
            new MessageBoxInteractionOptions { PrimaryButtonText = "Restore", SecondaryButtonText = "Cancel" }, cancellationToken).ConfigureAwait(false);
        return !result.Canceled && result.Data;
    }
}
