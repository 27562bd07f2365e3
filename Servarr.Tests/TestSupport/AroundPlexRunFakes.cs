using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Servarr.Tests.TestSupport.ArrApi;
using Servarr.Tests.TestSupport.Maintainerr;
using Servarr.Tests.TestSupport.SeerrApi;
using Servarr.Tests.TestSupport.Tautulli;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// Fakes of the default stack's Tautulli and Maintainerr for a run-mode test, with the configuration that sends their
/// configuration there (test hook <c>Servarr:Testing:ConfigurationUrl:&lt;app&gt;</c>); the keys are those of
/// <see cref="ArrFakes"/> and <see cref="SeerrRunFake"/>, Plex's token the one <see cref="SeerrRunFake.ClaimPlex"/> writes.
/// </summary>
internal sealed class AroundPlexRunFakes : IAsyncDisposable
{
    private AroundPlexRunFakes(FakeTautulli tautulli, FakeMaintainerr maintainerr) => (Tautulli, Maintainerr) = (tautulli, maintainerr);

    public FakeTautulli Tautulli { get; }

    public FakeMaintainerr Maintainerr { get; }

    public Dictionary<string, string?> Configuration => new()
    {
        ["Servarr:Testing:ConfigurationUrl:tautulli"] = Tautulli.BaseAddress.ToString(),
        ["Servarr:Testing:ConfigurationUrl:maintainerr"] = Maintainerr.BaseAddress.ToString(),
    };

    public static async Task<AroundPlexRunFakes> StartAsync(CancellationToken cancellationToken) => new(
        await FakeTautulli.StartAsync(SeerrRunFake.TautulliKey, "plex", cancellationToken),
        await FakeMaintainerr.StartAsync(cancellationToken));

    /// <summary>Tautulli knows its Plex and finished its wizard; Maintainerr has its five connections; both are healthy for it.</summary>
    public void AssertConfigured(DistributedApplication app)
    {
        Assert.Equal(("plex", 1), ((string?)Tautulli.State.Config["PMS"]["pms_ip"], (int?)Tautulli.State.Config["General"]["first_run_complete"]));
        Assert.Equal(SeerrRunFake.PlexToken, (string?)Tautulli.State.Config["PMS"]["pms_token"]);
        var settings = Maintainerr.State.Settings;
        Assert.Equal(("plex", "http://seerr:5055", "http://tautulli:8181"), ((string?)settings["plex_hostname"], (string?)settings["seerr_url"], (string?)settings["tautulli_url"]));
        Assert.Equal((ArrFakes.Key("seerr"), SeerrRunFake.TautulliKey), ((string?)settings["seerr_api_key"], (string?)settings["tautulli_api_key"]));
        Assert.Equal(["http://gluetun:8989"], Maintainerr.State.Servers["sonarr"].Select(s => (string?)s["url"]));
        Assert.Equal(["http://gluetun:7878"], Maintainerr.State.Servers["radarr"].Select(s => (string?)s["url"]));
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        foreach (var name in new[] { "tautulli", "maintainerr" })
        {
            Assert.True(notifications.TryGetCurrentState(name, out var state));
            Assert.Contains(state.Snapshot.HealthReports, h => h.Name == $"servarr-{name}-configuration" && h.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Tautulli.DisposeAsync();
        await Maintainerr.DisposeAsync();
    }
}
