using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Servarr.Tests.TestSupport.ArrApi;

namespace Servarr.Tests.TestSupport.SeerrApi;

/// <summary>
/// A fake of the default stack's Seerr for a run-mode test: the configuration that sends Seerr's configuration there
/// (test hook <c>Servarr:Testing:ConfigurationUrl:seerr</c>) and fixes Seerr's and Tautulli's API keys, a claimed Plex
/// (a Preferences.xml with a <c>PlexOnlineToken</c> in Plex's config folder), and the Sonarr, Radarr and Tautulli that
/// Seerr reaches with the keys of <see cref="ArrFakes"/>. Seerr shows a setup wizard, so it is healthy only once configured.
/// </summary>
internal sealed class SeerrRunFake : IAsyncDisposable
{
    public const string PlexToken = "test-plex-online-token-0123456789";

    /// <summary>Tautulli's API key: it refuses any key that is not 32 characters long.</summary>
    public const string TautulliKey = "0123456789abcdef0123456789abcdef";

    private SeerrRunFake(FakeSeerrApi api) => Api = api;

    public FakeSeerrApi Api { get; }

    public Dictionary<string, string?> Configuration => new()
    {
        ["Parameters:seerr-api-key"] = ArrFakes.Key("seerr"),
        ["Parameters:tautulli-api-key"] = TautulliKey,
        ["Servarr:Testing:ConfigurationUrl:seerr"] = Api.BaseAddress.ToString(),
    };

    public static async Task<SeerrRunFake> StartAsync(CancellationToken cancellationToken)
    {
        var api = await FakeSeerrApi.StartAsync(ArrFakes.Key("seerr"), cancellationToken);
        api.World.PlexAccountToken = PlexToken;
        (int, string)[] profiles = [(1, "Any"), (4, "HD-1080p")];
        api.World.Arrs["gluetun:8989"] = (ArrFakes.Key("sonarr"), profiles);
        api.World.Arrs["gluetun:7878"] = (ArrFakes.Key("radarr"), profiles);
        api.World.Tautullis["tautulli:8181"] = TautulliKey;
        return new SeerrRunFake(api);
    }

    /// <summary>Claims the stack's Plex: writes its Preferences.xml under <paramref name="configRoot"/> as Plex does once claimed.</summary>
    public static void ClaimPlex(string configRoot)
    {
        var file = Path.Combine(configRoot, "plex", Servarr.Hosting.PlexToken.PreferencesPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"""<?xml version="1.0" encoding="utf-8"?>{"\n"}<Preferences PlexOnlineToken="{PlexToken}"/>{"\n"}""");
    }

    /// <summary>Seerr is set up (admin, Plex, Sonarr, Radarr, Tautulli, wizard ended) and its configuration health check passes.</summary>
    public void AssertConfigured(DistributedApplication app)
    {
        Assert.Equal(1, Api.Users);
        Assert.Equal(["gluetun"], Api.Settings("sonarr").AsArray().Select(s => (string?)s!["hostname"]));
        Assert.Equal(["gluetun"], Api.Settings("radarr").AsArray().Select(s => (string?)s!["hostname"]));
        Assert.True((bool)Api.Settings("public")["initialized"]!);
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState("seerr", out var seerr));
        Assert.Contains(seerr.Snapshot.HealthReports, h => h.Name == "servarr-seerr-configuration" && h.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
