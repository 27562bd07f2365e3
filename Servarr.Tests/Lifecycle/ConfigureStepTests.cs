using Servarr.Hosting;
using Servarr.Hosting.Configuration;
using Servarr.Hosting.Lifecycle;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.ArrApi;

namespace Servarr.Tests.Lifecycle;

/// <summary>
/// The <c>configure</c> and <c>drift</c> steps for a deployed compose stack: each configured app at its admin port on
/// 127.0.0.1 (here a fake of its API listening there), values from configuration.
/// </summary>
public class ConfigureStepTests
{
    [Fact]
    public async Task ConfigureAppliesAtTheAdminPortsAndDriftThenFindsNothing()
    {
        await using var sonarr = await FakeArrApi.StartAsync(ArrApp.Sonarr, "sonarr-key-0123456789abcdef012345", CancellationToken.None);
        await using var prowlarr = await FakeArrApi.StartAsync(ArrApp.Prowlarr, "prowlarr-key-0123456789abcdef01234", CancellationToken.None);
        var values = new Dictionary<string, string?>
        {
            ["Parameters:sonarr-api-key"] = "sonarr-key-0123456789abcdef012345",
            ["Parameters:prowlarr-api-key"] = "prowlarr-key-0123456789abcdef01234",
            ["Parameters:radarr-api-key"] = "radarr-key-0123456789abcdef0123456",
            ["Parameters:qbittorrent-password"] = "qbt-0123456789abcdef0123456789abc",
        };
        var builder = TestAppBuilder.Create(configuration: values);
        var host = builder.AddHost();
        var qbittorrent = builder.AddQBittorrent("qbittorrent", host);
        var sonarrApp = builder.AddSonarr("sonarr", host).WithLoopbackPort(hostPort: sonarr.BaseAddress.Port).WithReference(qbittorrent);
        var radarrApp = builder.AddRadarr("radarr", host); // its admin port (7878) answers nothing here: reported, the others go on
        builder.AddProwlarr("prowlarr", host).WithLoopbackPort(hostPort: prowlarr.BaseAddress.Port).WithReference(sonarrApp);
        var model = builder.BuildModel();
        var lines = new List<string>();
        string? Value(ParameterResource p) => values.GetValueOrDefault($"Parameters:{p.Name}");

        var applied = await ConfigureStep.RunAsync(model, "127.0.0.1", Value, ConfigurationMode.Apply, lines.Add, null, CancellationToken.None);

        Assert.Equal(["sonarr", "radarr", "prowlarr"], applied.Select(r => r.Resource));
        Assert.True(applied[0].Matches && applied[2].Matches, string.Join("\n", lines));
        Assert.Contains("sonarr: download client 'qbittorrent': applied (missing)", lines);
        Assert.Contains("prowlarr: application 'sonarr': applied (missing)", lines);
        Assert.False(applied[1].Succeeded); // nothing listens on radarr's 7878 here
        Assert.StartsWith("radarr: root folder '/data/media/movies': failed: ", lines.Single(l => l.StartsWith("radarr: root", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("sonarr: 2 read(s), 2 write(s), ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
        Assert.Equal("qbittorrent", (string?)sonarr.DownloadClients[0]["fields"]!.AsArray().Single(f => (string?)f!["name"] == "host")!["value"]); // not behind a VPN here

        lines.Clear();
        var before = (sonarr.Requests.Count, prowlarr.Requests.Count);
        var drift = await ConfigureStep.RunAsync(model, "127.0.0.1", Value, ConfigurationMode.Check, lines.Add, null, CancellationToken.None);

        Assert.All(drift[0].Results.Concat(drift[2].Results), r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        Assert.All(sonarr.Requests.Skip(before.Item1).Concat(prowlarr.Requests.Skip(before.Item2)), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("sonarr: 2 read(s), 0 write(s), ", StringComparison.Ordinal)); // the second pass over a configured app only reads
        _ = radarrApp;
    }

    [Fact]
    public async Task PlexIsReachedOnItsPublishedPortAndReadsItsTokenFromPreferencesInTheConfigRoot()
    {
        using var root = new TempDirectory();
        const string token = "plex-online-token-for-configure";
        var preferences = root.Combine("config", "plex", "Library", "Application Support", "Plex Media Server", "Preferences.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(preferences)!);
        await File.WriteAllTextAsync(preferences, $"<Preferences PlexOnlineToken=\"{token}\"/>");
        await using var fake = await TestSupport.Plex.FakePlexApi.StartAsync(token, CancellationToken.None);
        var values = new Dictionary<string, string?> { ["Parameters:config-root"] = root.Combine("config") };
        var builder = TestAppBuilder.Create(configuration: values);
        var host = new HostSettings(builder.AddParameter("tz", "Etc/UTC", publishValueAsDefault: true), builder.AddParameter("puid", "1000", publishValueAsDefault: true),
            builder.AddParameter("pgid", "1000", publishValueAsDefault: true), builder.AddParameter("config-root"), builder.AddParameter("media-root", "/srv/media", publishValueAsDefault: true));
        builder.AddPlex("plex", host, builder.AddParameter("plex-claim", "", publishValueAsDefault: true), port: fake.BaseAddress.Port);
        var model = builder.BuildModel();
        var lines = new List<string>();

        var applied = await ConfigureStep.RunAsync(model, "127.0.0.1", p => values.GetValueOrDefault($"Parameters:{p.Name}"), ConfigurationMode.Apply, lines.Add,
            root.Path, CancellationToken.None);

        Assert.True(Assert.Single(applied).Matches, string.Join("\n", lines));
        Assert.Contains("plex: library section 'Movies': applied (missing)", lines);
        Assert.Equal(["Movies", "TV Shows"], fake.Sections.Select(s => s.Title));
    }
}
