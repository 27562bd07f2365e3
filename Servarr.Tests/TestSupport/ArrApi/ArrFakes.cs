using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>
/// Fakes of the default stack's Sonarr and Prowlarr APIs for a run-mode test, with the configuration that sends their
/// configuration there (the test hook <c>Servarr:Testing:ConfigurationUrl:&lt;app&gt;</c>) and fixes the API keys and
/// qBittorrent's password. Radarr's configuration goes where Servarr really sends it — its endpoint, published on
/// gluetun — to the stand-in's own API (StandIns/shims/arr-api.sh, stateful, no validation).
/// </summary>
internal sealed class ArrFakes : IAsyncDisposable
{
    public const string QBittorrentPassword = "test-qbittorrent-password-0123456789";

    private ArrFakes(FakeArrApi sonarr, FakeArrApi prowlarr) => (Sonarr, Prowlarr) = (sonarr, prowlarr);

    public FakeArrApi Sonarr { get; }

    public FakeArrApi Prowlarr { get; }

    public static string Key(string app) => $"test-{app}-api-key-0123456789abcdef";

    public Dictionary<string, string?> Configuration => new()
    {
        ["Parameters:sonarr-api-key"] = Key("sonarr"),
        ["Parameters:radarr-api-key"] = Key("radarr"),
        ["Parameters:prowlarr-api-key"] = Key("prowlarr"),
        ["Parameters:qbittorrent-password"] = QBittorrentPassword,
        ["Servarr:Testing:ConfigurationUrl:sonarr"] = Sonarr.BaseAddress.ToString(),
        ["Servarr:Testing:ConfigurationUrl:prowlarr"] = Prowlarr.BaseAddress.ToString(),
    };

    public static async Task<ArrFakes> StartAsync(CancellationToken cancellationToken) => new(
        await FakeArrApi.StartAsync(ArrApp.Sonarr, Key("sonarr"), cancellationToken),
        await FakeArrApi.StartAsync(ArrApp.Prowlarr, Key("prowlarr"), cancellationToken));

    /// <summary>
    /// Every configured item is in the fakes once the apps are healthy (their health includes the configuration), the
    /// dashboard shows them as properties, the drift command finds nothing, then finds a change made by hand, and "Apply
    /// configuration" puts it back.
    /// </summary>
    public static async Task AssertConfiguredAsync(ArrFakes fakes, DistributedApplication app, CancellationToken cancellationToken)
    {
        Assert.Equal(["qbittorrent"], fakes.Sonarr.DownloadClients.Select(c => (string?)c["name"]));
        Assert.Equal(["/data/media/tv"], fakes.Sonarr.RootFolders.Select(c => (string?)c["path"]));
        Assert.Equal(["sonarr", "radarr"], fakes.Prowlarr.Applications.Select(c => (string?)c["name"]));
        Assert.Contains(fakes.Sonarr.DownloadClients[0]["fields"]!.AsArray(), f => (string?)f!["name"] == "password" && (string?)f["value"] == QBittorrentPassword);

        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState("sonarr", out var sonarr));
        Assert.Contains(sonarr.Snapshot.Properties, p => p.Name == "servarr.configuration.1" && Equals(p.Value, "download client 'qbittorrent': applied (missing)"));
        Assert.Contains(sonarr.Snapshot.HealthReports, h => h.Name == "servarr-sonarr-configuration" && h.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            && h.Description == "as modelled: download client 'qbittorrent', root folder '/data/media/tv'");
        Assert.DoesNotContain(sonarr.Snapshot.Properties, p => (Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Contains(QBittorrentPassword, StringComparison.Ordinal));

        Assert.True(notifications.TryGetCurrentState("radarr", out var radarr)); // through gluetun's published port, to the stand-in
        Assert.Equal(["download client 'qbittorrent': applied (missing)", "root folder '/data/media/movies': applied (missing)"],
            radarr.Snapshot.Properties.Where(p => p.Name.StartsWith("servarr.configuration.", StringComparison.Ordinal)).Select(p => p.Value));
        var commands = app.ResourceCommands;
        Assert.True((await commands.ExecuteCommandAsync("radarr", "servarr-check-configuration", cancellationToken)).Success);
        Assert.True((await commands.ExecuteCommandAsync("sonarr", "servarr-check-configuration", cancellationToken)).Success);
        fakes.Sonarr.Remove(ArrCollections.RootFolders, (int)fakes.Sonarr.RootFolders[0]["id"]!);
        var drift = await commands.ExecuteCommandAsync("sonarr", "servarr-check-configuration", cancellationToken);
        Assert.False(drift.Success);
        Assert.Equal("1 item(s) differ from the model: root folder '/data/media/tv': differs (missing)", drift.Message);
        Assert.Empty(fakes.Sonarr.RootFolders);
        Assert.True((await commands.ExecuteCommandAsync("sonarr", "servarr-apply-configuration", cancellationToken)).Success);
        Assert.Equal(["/data/media/tv"], fakes.Sonarr.RootFolders.Select(c => (string?)c["path"]));
    }

    public async ValueTask DisposeAsync()
    {
        await Sonarr.DisposeAsync();
        await Prowlarr.DisposeAsync();
    }
}
