namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Carries out a <see cref="RestorePlan"/> on the engine: list the app's snapshots (one-off Kopia container), choose
/// one, stop the app, restore into its config folder and give it to the app's owner (a second one-off), start the app
/// again (also when the restore failed, and the error says so). The one-off containers are always removed.
/// </summary>
public static class RestoreRunner
{
    /// <summary>How long one Kopia step may take (a large Plex config over a slow link takes a while).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromHours(2);

    /// <summary>Restores; returns the snapshot restored. Progress goes to <paramref name="output"/>.</summary>
    /// <example>
    /// <code>
    /// var restored = await RestoreRunner.RunAsync(runtime, plan, snapshotId: null, at: null, Console.Out, cancellationToken);
    /// </code>
    /// </example>
    public static async Task<KopiaSnapshot> RunAsync(IContainerRuntime runtime, RestorePlan plan, string? snapshotId, DateTimeOffset? at,
        TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var list = plan.ListSnapshots();
        if (!await runtime.ImageExistsAsync(list.Image, cancellationToken).ConfigureAwait(false))
        {
            throw new ServarrException($"resource '{plan.Kopia}': image {list.Image} is not on this machine; run the stack once (it pulls it) or docker pull {list.Image}");
        }

        await output.WriteLineAsync($"listing snapshots of '{plan.App}' ({plan.SourcePath}) with '{plan.Kopia}'").ConfigureAwait(false);
        var listed = await runtime.RunOneOffAsync(list, StepTimeout, cancellationToken).ConfigureAwait(false);
        if (listed.ExitCode != 0)
        {
            throw new ServarrException($"resource '{plan.Kopia}': listing snapshots failed ({listed.LastLine}); start the stack once so Kopia connects to its repository, then retry. Nothing was changed.");
        }

        var snapshot = plan.Choose(KopiaSnapshot.ParseList(listed.Output), snapshotId, at);
        var app = await runtime.FindContainerByNameAsync(plan.App, cancellationToken).ConfigureAwait(false);
        var restart = app is { Running: true };
        if (restart)
        {
            await output.WriteLineAsync($"stopping '{plan.App}'").ConfigureAwait(false);
            await runtime.StopContainerAsync(app!.Id, ApplicationOrchestrator.StopTimeout, cancellationToken).ConfigureAwait(false);
        }

        OneOffResult restored;
        try
        {
            await output.WriteLineAsync($"restoring snapshot {RestorePlan.Describe(snapshot)} into {plan.AppFolder}").ConfigureAwait(false);
            restored = await runtime.RunOneOffAsync(plan.Restore(snapshot.Id), StepTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (restart)
            {
                // Even when cancelled: the app must not stay down because of us.
                await runtime.StartContainerAsync(app!.Id, CancellationToken.None).ConfigureAwait(false);
            }
        }

        var started = restart ? $"; '{plan.App}' was started again" : "";
        if (restored.ExitCode != 0)
        {
            throw new ServarrException($"restore of '{plan.App}' from {snapshot.Id} failed ({restored.LastLine}){started}; {plan.AppFolder} may be partly restored: run the restore again");
        }

        var owner = plan.Owner is null ? "" : $", owned by {plan.Owner}";
        await output.WriteLineAsync($"restored '{plan.App}' from {RestorePlan.Describe(snapshot)} into {plan.AppFolder}{owner}{started}").ConfigureAwait(false);
        return snapshot;
    }
}
