using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>
/// The app as Aspire runs it: its state from Aspire's snapshot, stop and start through its own resource commands
/// (<see cref="ResourceCommandService"/>), so a container of Aspire's orchestrator and a VPN app (whose commands Servarr
/// adds) are stopped and started alike.
/// </summary>
internal sealed class AspireRestoredApp(IResource app, ResourceNotificationService notifications, ResourceCommandService commands) : IRestoredApp
{
    public bool IsRunning =>
        notifications.TryGetCurrentState(app.Name, out var current) && current.Snapshot.State?.Text is { Length: > 0 } state
        && state != KnownResourceStates.NotStarted && state != "Unknown" && !KnownResourceStates.TerminalStates.Contains(state);

    public Task StopAsync(CancellationToken cancellationToken) =>
        RunAsync(KnownResourceCommands.StopCommand, "stop", "stop it from the dashboard and run the restore again. Nothing was changed", cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) =>
        RunAsync(KnownResourceCommands.StartCommand, "start", "start it from the dashboard", cancellationToken);

    private async Task RunAsync(string command, string verb, string fix, CancellationToken cancellationToken)
    {
        var result = await commands.ExecuteCommandAsync(app, command, cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            var reason = (result.Message ?? (result.Canceled ? "cancelled" : "no reason given")).ReplaceLineEndings(" ");
            throw new ServarrException($"restore of '{app.Name}': could not {verb} '{app.Name}' ({reason}); {fix}");
        }
    }
}
