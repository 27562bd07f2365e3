using Microsoft.Extensions.Hosting;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>Removes the containers the VPN lifecycle created when the AppHost stops.</summary>
/// <param name="lifecycle">The lifecycle.</param>
internal sealed class VpnShutdownService(VpnLifecycle lifecycle) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => lifecycle.ShutdownAsync(cancellationToken);
}
