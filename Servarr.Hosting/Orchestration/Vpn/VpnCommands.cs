using Microsoft.Extensions.DependencyInjection;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>The start/stop/restart commands of a VPN app, acting on its Docker container (Aspire adds its own only to what it runs).</summary>
internal static class VpnCommands
{
    /// <summary>Adds the commands to <paramref name="app"/> (run mode, before the dashboard reads its snapshot).</summary>
    public static void Add(IResourceBuilder<ContainerResource> app)
    {
        var name = app.Resource.Name;
        app.WithCommand(KnownResourceCommands.StartCommand, "Start",
            c => Run(c, l => l.StartAsync(name, c.CancellationToken)),
            new CommandOptions { UpdateState = c => IsStopped(c) ? ResourceCommandState.Enabled : ResourceCommandState.Hidden, IconName = "Play", IconVariant = IconVariant.Filled, IsHighlighted = true });
        app.WithCommand(KnownResourceCommands.StopCommand, "Stop",
            c => Run(c, l => l.StopAsync(name, c.CancellationToken)),
            new CommandOptions { UpdateState = c => IsStopped(c) ? ResourceCommandState.Hidden : ResourceCommandState.Enabled, IconName = "Stop", IconVariant = IconVariant.Filled, IsHighlighted = true });
        app.WithCommand(KnownResourceCommands.RestartCommand, "Restart",
            c => Run(c, l => l.RestartAsync(name, c.CancellationToken)),
            new CommandOptions { UpdateState = c => IsStopped(c) ? ResourceCommandState.Disabled : ResourceCommandState.Enabled, IconName = "ArrowCounterclockwise", IconVariant = IconVariant.Regular });
    }

    private static bool IsStopped(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text is { } s && (KnownResourceStates.TerminalStates.Contains(s) || s == KnownResourceStates.NotStarted);

    private static async Task<ExecuteCommandResult> Run(ExecuteCommandContext context, Func<VpnLifecycle, Task> action)
    {
        try
        {
            await action(context.Services.GetRequiredService<VpnLifecycle>()).ConfigureAwait(false);
            return CommandResults.Success();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return CommandResults.Failure(exception.Message);
        }
    }
}
