using Servarr.Hosting;
using Servarr.Tests.TestSupport.UptimeKuma;
using Servarr.Tests.TestSupport.Wizarr;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// Fakes of the default stack's apps with a setup wizard (Wizarr's forms, Uptime Kuma's socket.io) for a run-mode test:
/// the stand-in images answer only their health probes, so their configuration goes to these fakes (the test hook
/// <c>Servarr:Testing:ConfigurationUrl:&lt;app&gt;</c>); Wizarr's Plex server waits until Plex is claimed with
/// <see cref="SeerrApi.SeerrRunFake.PlexToken"/> (<see cref="SeerrApi.SeerrRunFake.ClaimPlex"/>).
/// </summary>
internal sealed class SetupWizardFakes : IAsyncDisposable
{
    public const string PlexToken = SeerrApi.SeerrRunFake.PlexToken;

    // InNetworkAddress of the default stack's Plex as Wizarr reaches it
    public const string PlexUrl = "http://plex:32400";

    private SetupWizardFakes(FakeWizarr wizarr, FakeUptimeKuma uptimeKuma) => (Wizarr, UptimeKuma) = (wizarr, uptimeKuma);

    public FakeWizarr Wizarr { get; }

    public FakeUptimeKuma UptimeKuma { get; }

    public Dictionary<string, string?> Configuration => new()
    {
        ["Servarr:Testing:ConfigurationUrl:wizarr"] = Wizarr.BaseAddress.ToString(),
        ["Servarr:Testing:ConfigurationUrl:uptime-kuma"] = UptimeKuma.BaseAddress.ToString(),
    };

    /// <summary>Starts both fakes.</summary>
    public static async Task<SetupWizardFakes> StartAsync(CancellationToken cancellationToken) =>
        new(await FakeWizarr.StartAsync(PlexUrl, PlexToken, cancellationToken), await FakeUptimeKuma.StartAsync(cancellationToken));

    /// <summary>Both apps were set up by the time they were healthy: Wizarr's admin and Plex server, Kuma's user.</summary>
    public void AssertConfigured()
    {
        Assert.Equal(WizarrBuilderExtensions.DefaultAdminUsername, Wizarr.Admin?.Username);
        Assert.Equal([("plex", "plex", PlexUrl, PlexToken)], Wizarr.Servers);
        Assert.Equal([("admin", "test-uptime-kuma-password")], UptimeKuma.Users);
    }

    public async ValueTask DisposeAsync()
    {
        await Wizarr.DisposeAsync();
        await UptimeKuma.DisposeAsync();
    }
}
