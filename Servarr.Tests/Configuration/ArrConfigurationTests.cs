using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.ArrApi;

namespace Servarr.Tests.Configuration;

/// <summary>
/// What the model means inside Sonarr, Radarr and Prowlarr, against fakes of their APIs that validate every body against
/// the apps' OpenAPI documents: the first pass adds what is missing, a second pass only reads, a setting changed by hand is
/// reported by a check pass (which changes nothing) and put back by the next apply.
/// </summary>
public class ArrConfigurationTests
{
    private const string SonarrKey = "sonarr0123456789abcdef0123456789ab";
    private const string RadarrKey = "radarr0123456789abcdef0123456789ab";
    private const string ProwlarrKey = "prowlarr0123456789abcdef012345678";
    private const string QBittorrentPassword = "qbt-password-0123456789abcdefghij";

    private static (IDistributedApplicationBuilder Builder, Dictionary<string, string?> Values) Build(Action<IDistributedApplicationBuilder, Apps>? more = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Parameters:sonarr-api-key"] = SonarrKey, ["Parameters:radarr-api-key"] = RadarrKey,
            ["Parameters:prowlarr-api-key"] = ProwlarrKey, ["Parameters:qbittorrent-password"] = QBittorrentPassword,
        };
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, values);
        var host = builder.AddHost();
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("p", "mullvad", publishValueAsDefault: true),
            builder.AddParameter("k", secret: true), builder.AddParameter("a", "10.64.0.2/32", publishValueAsDefault: true));
        var stack = new Apps(builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun), builder.AddSonarr("sonarr", host).WithVpn(gluetun),
            builder.AddRadarr("radarr", host).WithVpn(gluetun), builder.AddProwlarr("prowlarr", host).WithVpn(gluetun));
        stack.Sonarr.WithReference(stack.QBittorrent);
        stack.Radarr.WithReference(stack.QBittorrent);
        stack.Prowlarr.WithReference(stack.Sonarr).WithReference(stack.Radarr);
        more?.Invoke(builder, stack);
        return (builder, values);
    }

    private sealed record Apps(IResourceBuilder<QBittorrentResource> QBittorrent, IResourceBuilder<SonarrResource> Sonarr,
        IResourceBuilder<RadarrResource> Radarr, IResourceBuilder<ProwlarrResource> Prowlarr);

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, string name, FakeArrApi fake, ConfigurationMode mode,
        IReadOnlyDictionary<string, string?> values)
    {
        var app = model.Containers.Single(c => c.Name == name);
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var context = new AppConfigurationContext(app, model, http, (p, _) => ValueTask.FromResult(values.GetValueOrDefault($"Parameters:{p.Name}")));
        return await AppConfigurator.RunAsync(name, app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)), mode, CancellationToken.None);
    }

    [Fact]
    public async Task SonarrGetsItsQBittorrentDownloadClientAndRootFolderAndASecondPassOnlyReads()
    {
        var (builder, values) = Build();
        var model = builder.BuildModel();
        await using var sonarr = await FakeArrApi.StartAsync(ArrApp.Sonarr, SonarrKey, CancellationToken.None);

        var first = await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Apply, values);

        Assert.Equal(["download client 'qbittorrent': applied (missing)", "root folder '/data/media/tv': applied (missing)"], first.Results.Select(r => r.ToString()));
        var client = Assert.Single(sonarr.DownloadClients);
        Assert.Equal(("qbittorrent", "QBittorrent", "QBittorrentSettings", true, "torrent"),
            ((string?)client["name"], (string?)client["implementation"], (string?)client["configContract"], (bool?)client["enable"], (string?)client["protocol"]));
        var fields = client["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!["value"]?.ToJsonString());
        Assert.Equal("\"localhost\"", fields["host"]); // both behind gluetun: one network namespace
        Assert.Equal("8080", fields["port"]);
        Assert.Equal("\"servarr\"", fields["username"]);
        Assert.Equal($"\"{QBittorrentPassword}\"", fields["password"]);
        Assert.Equal("\"tv\"", fields["tvCategory"]);
        Assert.Equal("/data/media/tv", (string?)Assert.Single(sonarr.RootFolders)["path"]);

        var before = sonarr.Requests.Count;
        var second = await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Apply, values);

        Assert.All(second.Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        Assert.All(sonarr.Requests.Skip(before), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Equal(2, sonarr.Requests.Count - before); // one read per item
    }

    [Fact]
    public async Task DriftIsReportedWithoutChangingAnythingAndTheNextApplyPutsItBack()
    {
        var (builder, values) = Build();
        var model = builder.BuildModel();
        await using var sonarr = await FakeArrApi.StartAsync(ArrApp.Sonarr, SonarrKey, CancellationToken.None);
        await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Apply, values);
        var id = (int)sonarr.DownloadClients[0]["id"]!;
        sonarr.Edit(ArrCollections.DownloadClients, id, c => c["fields"]!.AsArray().Single(f => (string?)f!["name"] == "tvCategory")!["value"] = "tv-sonarr");
        sonarr.Remove(ArrCollections.RootFolders, (int)sonarr.RootFolders[0]["id"]!);
        var before = sonarr.Requests.Count;

        var check = await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Check, values);

        Assert.Equal(["download client 'qbittorrent': differs (field 'tvCategory' is \"tv-sonarr\", the model says \"tv\")",
            "root folder '/data/media/tv': differs (missing)"], check.Results.Select(r => r.ToString()));
        Assert.All(sonarr.Requests.Skip(before), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Empty(sonarr.RootFolders);

        var apply = await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Apply, values);

        Assert.True(apply.Matches);
        Assert.Contains(sonarr.Requests.Skip(before), r => r.StartsWith($"PUT /api/v3/downloadclient/{id}", StringComparison.Ordinal));
        Assert.Equal("\"tv\"", sonarr.DownloadClients[0]["fields"]!.AsArray().Single(f => (string?)f!["name"] == "tvCategory")!["value"]!.ToJsonString());
        Assert.All((await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Check, values)).Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
    }

    [Fact]
    public async Task RadarrUsesItsMovieCategoryAndTheRootFoldersTheModelNames()
    {
        var (builder, values) = Build((_, s) => s.Radarr.WithRootFolder("/data/media/movies").WithRootFolder("/data/media/movies-4k/"));
        var model = builder.BuildModel();
        await using var radarr = await FakeArrApi.StartAsync(ArrApp.Radarr, RadarrKey, CancellationToken.None);

        var report = await PassAsync(model, "radarr", radarr, ConfigurationMode.Apply, values);

        Assert.True(report.Matches, string.Join("\n", report.Results));
        Assert.Contains(radarr.DownloadClients[0]["fields"]!.AsArray(), f => (string?)f!["name"] == "movieCategory" && (string?)f["value"] == "movies");
        Assert.Equal(["/data/media/movies", "/data/media/movies-4k"], radarr.RootFolders.Select(f => (string?)f["path"]));
    }

    [Fact]
    public async Task ProwlarrGetsAFullSyncApplicationForEachSonarrAndRadarrItReferences()
    {
        var (builder, values) = Build();
        var model = builder.BuildModel();
        await using var prowlarr = await FakeArrApi.StartAsync(ArrApp.Prowlarr, ProwlarrKey, CancellationToken.None);

        var report = await PassAsync(model, "prowlarr", prowlarr, ConfigurationMode.Apply, values);

        Assert.Equal(["application 'sonarr': applied (missing)", "application 'radarr': applied (missing)"], report.Results.Select(r => r.ToString()));
        var sonarr = prowlarr.Applications.Single(a => (string?)a["name"] == "sonarr");
        Assert.Equal(("Sonarr", "SonarrSettings", "fullSync"), ((string?)sonarr["implementation"], (string?)sonarr["configContract"], (string?)sonarr["syncLevel"]));
        var fields = sonarr["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!["value"]);
        Assert.Equal(("http://localhost:9696", "http://localhost:8989", SonarrKey), ((string?)fields["prowlarrUrl"], (string?)fields["baseUrl"], (string?)fields["apiKey"]));
        var before = prowlarr.Requests.Count;
        Assert.True((await PassAsync(model, "prowlarr", prowlarr, ConfigurationMode.Apply, values)).Results.All(r => r.Outcome == ConfigurationOutcome.AsModelled));
        Assert.All(prowlarr.Requests.Skip(before), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAppThatRefusesIsReportedWithItsOwnAnswerAndTheOtherItemsStillRun()
    {
        var (builder, values) = Build();
        var model = builder.BuildModel();
        await using var sonarr = await FakeArrApi.StartAsync(ArrApp.Sonarr, "another-key", CancellationToken.None);

        var report = await PassAsync(model, "sonarr", sonarr, ConfigurationMode.Apply, values);

        Assert.False(report.Succeeded);
        Assert.Equal(2, report.Results.Count);
        Assert.All(report.Results, r => Assert.StartsWith("failed: GET /api/v3/", r.ToString()[(r.Item.Length + 2)..], StringComparison.Ordinal));
        Assert.Contains(": 401", report.Results[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(SonarrKey, string.Join("\n", report.Results), StringComparison.Ordinal);
    }
}
