using System.Text.Json.Nodes;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.SeerrApi;

namespace Servarr.Tests.Configuration;

/// <summary>
/// What the model means inside Seerr, against a fake of its API that validates every body against seerr-api.yml, keeps
/// state and acts as user 1 only once that user exists: the admin from Plex's token, the Plex server and libraries, the
/// Sonarr and Radarr servers with the quality profile named in the model, Tautulli, the end of the setup wizard.
/// </summary>
public class SeerrConfigurationTests
{
    private const string SeerrKey = "seerr0123456789abcdef0123456789abc";
    private const string SonarrKey = "sonarr0123456789abcdef0123456789ab";
    private const string RadarrKey = "radarr0123456789abcdef0123456789ab";
    private const string TautulliKey = "tautulli0123456789abcdef012345678";
    private const string PlexToken = "plex-owner-token-0123456789";

    private static readonly (int, string)[] s_profiles = [(1, "Any"), (2, "SD"), (3, "HD-720p"), (4, "HD-1080p"), (5, "Ultra-HD"), (6, "HD - 720p/1080p")];

    private static (DistributedApplicationModel Model, Dictionary<string, string?> Values) Build(Action<IResourceBuilder<SeerrResource>>? more = null,
        bool secondSonarr = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["Parameters:seerr-api-key"] = SeerrKey, ["Parameters:sonarr-api-key"] = SonarrKey, ["Parameters:radarr-api-key"] = RadarrKey,
            ["Parameters:tautulli-api-key"] = TautulliKey, ["Parameters:plex-token"] = PlexToken,
        };
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, values);
        var host = builder.AddHost();
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("p", "mullvad", publishValueAsDefault: true),
            builder.AddParameter("k", secret: true), builder.AddParameter("a", "10.64.0.2/32", publishValueAsDefault: true));
        var sonarr = builder.AddSonarr("sonarr", host).WithVpn(gluetun);
        var radarr = builder.AddRadarr("radarr", host).WithVpn(gluetun).WithRootFolder("/data/media/films").WithRootFolder("/data/media/films-4k");
        var plex = builder.AddPlex("plex", host, builder.AddOptionalParameter("claim", secret: true)).WithToken(builder.AddParameter("plex-token", secret: true));
        var tautulli = builder.AddTautulli("tautulli", host).WithReference(plex);
        var seerr = builder.AddSeerr("seerr", host).WithReference(plex).WithReference(sonarr).WithReference(radarr).WithReference(tautulli);
        if (secondSonarr)
        {
            seerr.WithReference(builder.AddSonarr("sonarr-anime", host).WithRootFolder("/data/media/anime"));
        }

        more?.Invoke(seerr);
        return (builder.BuildModel(), values);
    }

    private static async Task<FakeSeerrApi> StartFakeAsync()
    {
        var fake = await FakeSeerrApi.StartAsync(SeerrKey, CancellationToken.None);
        fake.World.PlexAccountToken = PlexToken;
        fake.World.Arrs["gluetun:8989"] = (SonarrKey, s_profiles); // behind the VPN: Seerr reaches them at gluetun's name
        fake.World.Arrs["gluetun:7878"] = (RadarrKey, s_profiles);
        fake.World.Tautullis["tautulli:8181"] = TautulliKey;
        return fake;
    }

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, FakeSeerrApi fake, ConfigurationMode mode,
        IReadOnlyDictionary<string, string?> values)
    {
        var seerr = model.Containers.Single(c => c.Name == "seerr");
        var pass = await AppConfigurator.RunAppAsync(seerr, model, fake.BaseAddress,
            (p, _) => ValueTask.FromResult(values.GetValueOrDefault($"Parameters:{p.Name}")), mode, CancellationToken.None);
        return pass.Report;
    }

    [Fact]
    public async Task FromScratchEveryItemIsAppliedInTheWizardsOrderAndASecondPassOnlyReads()
    {
        var (model, values) = Build();
        await using var seerr = await StartFakeAsync();

        var first = await PassAsync(model, seerr, ConfigurationMode.Apply, values);

        Assert.Equal([
            "admin user 'plex': applied (no user yet: the account that owns Plex 'plex' becomes Seerr's admin)",
            "plex server 'plex': applied (missing)",
            "plex libraries 'plex': applied (no library read from Plex yet)",
            "sonarr server 'sonarr': applied (missing)",
            "radarr server 'radarr': applied (missing)",
            "tautulli 'tautulli': applied (missing)",
            "setup 'initialized': applied (the setup wizard is still shown)",
        ], first.Results.Select(r => r.ToString()));
        Assert.Equal(1, seerr.Users);
        var plex = seerr.Settings("plex");
        Assert.Equal(("plex", "32400", "fake-machine-id"), ((string?)plex["ip"], plex["port"]!.ToJsonString(), (string?)plex["machineId"]));
        Assert.Equal(["Movies:true", "TV Shows:true"], plex["libraries"]!.AsArray().Select(l => $"{l!["name"]}:{l["enabled"]}"));
        var sonarr = Assert.Single(seerr.Settings("sonarr").AsArray())!;
        Assert.Equal(("sonarr", "gluetun", 8989, SonarrKey, 4, "HD-1080p", "/data/media/tv", true, false),
            ((string?)sonarr["name"], (string?)sonarr["hostname"], (int)sonarr["port"]!, (string?)sonarr["apiKey"], (int)sonarr["activeProfileId"]!,
                (string?)sonarr["activeProfileName"], (string?)sonarr["activeDirectory"], (bool)sonarr["isDefault"]!, (bool)sonarr["is4k"]!));
        Assert.True((bool)sonarr["enableSeasonFolders"]!);
        var radarr = Assert.Single(seerr.Settings("radarr").AsArray())!;
        Assert.Equal(("gluetun", 7878, RadarrKey, "/data/media/films", "released"),
            ((string?)radarr["hostname"], (int)radarr["port"]!, (string?)radarr["apiKey"], (string?)radarr["activeDirectory"], (string?)radarr["minimumAvailability"]));
        var tautulli = seerr.Settings("tautulli");
        Assert.Equal(("tautulli", 8181, TautulliKey, false), ((string?)tautulli["hostname"], (int)tautulli["port"]!, (string?)tautulli["apiKey"], (bool)tautulli["useSsl"]!));
        Assert.True((bool)seerr.Settings("public")["initialized"]!);
        Assert.Equal(["POST /api/v1/auth/plex", "POST /api/v1/settings/plex", "GET /api/v1/settings/plex/library?sync=true",
            "GET /api/v1/settings/plex/library?enable=1,2", "POST /api/v1/settings/sonarr", "POST /api/v1/settings/radarr", "POST /api/v1/settings/tautulli",
            "POST /api/v1/settings/initialize"], seerr.Writes);

        var before = seerr.Requests.Count;
        var second = await PassAsync(model, seerr, ConfigurationMode.Apply, values);

        Assert.All(second.Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        Assert.All(seerr.Requests.Skip(before), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.DoesNotContain(seerr.Requests.Skip(before), r => r.Contains("/plex/library", StringComparison.Ordinal)); // that GET saves
        Assert.Equal(7, seerr.Requests.Count - before); // one read per item
        Assert.Equal(8, seerr.Writes.Count);
    }

    [Fact]
    public async Task ASonarrServerEditedByHandIsDriftThatACheckOnlyReportsAndTheNextApplyRestoresKeepingItsOtherSettings()
    {
        var (model, values) = Build();
        await using var seerr = await StartFakeAsync();
        await PassAsync(model, seerr, ConfigurationMode.Apply, values);
        seerr.Edit("sonarr", list =>
        {
            var entry = list[0]!;
            entry["hostname"] = "192.168.1.20";
            entry["activeProfileId"] = 1;
            entry["activeProfileName"] = "Any";
            entry["tags"] = new JsonArray(7);
        });
        seerr.Edit("plex", plex => plex["libraries"]![1]!["enabled"] = false);
        var writes = seerr.Writes.Count;

        var check = await PassAsync(model, seerr, ConfigurationMode.Check, values);

        Assert.Equal([
            "plex libraries 'plex': differs (disabled: 'TV Shows')",
            "sonarr server 'sonarr': differs (hostname is \"192.168.1.20\", the model says \"gluetun\"; activeProfileName is \"Any\", the model says \"HD-1080p\")",
        ], check.Results.Where(r => r.Outcome != ConfigurationOutcome.AsModelled).Select(r => r.ToString()));
        Assert.Equal(writes, seerr.Writes.Count);
        Assert.Equal("192.168.1.20", (string?)seerr.Settings("sonarr")[0]!["hostname"]);

        var apply = await PassAsync(model, seerr, ConfigurationMode.Apply, values);

        Assert.True(apply.Matches, string.Join("\n", apply.Results));
        Assert.Contains("PUT /api/v1/settings/sonarr/0", seerr.Writes.Skip(writes));
        var sonarr = Assert.Single(seerr.Settings("sonarr").AsArray())!;
        Assert.Equal(("gluetun", 4, "HD-1080p", "[7]"), ((string?)sonarr["hostname"], (int)sonarr["activeProfileId"]!, (string?)sonarr["activeProfileName"], sonarr["tags"]!.ToJsonString()));
        Assert.All((await PassAsync(model, seerr, ConfigurationMode.Check, values)).Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
    }

    [Fact]
    public async Task WithoutPlexsTokenEveryItemWaitsBecauseSeerrsApiKeyActsAsNobodyUntilTheAdminExists()
    {
        var (model, values) = Build();
        values["Parameters:plex-token"] = null;
        await using var seerr = await StartFakeAsync();

        var waiting = await PassAsync(model, seerr, ConfigurationMode.Apply, values);

        Assert.True(waiting.Succeeded);
        Assert.All(waiting.Results, r => Assert.Equal(ConfigurationOutcome.Waiting, r.Outcome));
        Assert.Contains("needs the token of Plex 'plex'", waiting.Results[0].Detail, StringComparison.Ordinal);
        Assert.All(waiting.Results.Skip(1), r => Assert.StartsWith("Seerr has no admin user yet, so its API key acts as nobody (403)", r.Detail, StringComparison.Ordinal));
        Assert.Empty(seerr.Writes);
        Assert.Equal(0, seerr.Users);

        values["Parameters:plex-token"] = PlexToken; // claimed later: the next look applies everything
        Assert.True((await PassAsync(model, seerr, ConfigurationMode.Apply, values)).Matches);
    }

    [Fact]
    public async Task AQualityProfileTheAppDoesNotHaveFailsInOneLineNamingTheProfilesItHas()
    {
        var (model, values) = Build(seerr => seerr.WithQualityProfile("Remux-2160p"));
        await using var seerr = await StartFakeAsync();

        var report = await PassAsync(model, seerr, ConfigurationMode.Apply, values);

        var sonarr = report.Results.Single(r => r.Item == "sonarr server 'sonarr'");
        Assert.Equal(ConfigurationOutcome.Failed, sonarr.Outcome);
        Assert.Equal("quality profile 'Remux-2160p' is not in sonarr 'sonarr', which has 'Any', 'SD', 'HD-720p', 'HD-1080p', 'Ultra-HD', 'HD - 720p/1080p': "
            + "name one of them with seerr.WithQualityProfile(\"...\")", sonarr.Detail);
        Assert.Empty(seerr.Settings("sonarr").AsArray());
        Assert.Equal(ConfigurationOutcome.Applied, report.Results.Single(r => r.Item == "tautulli 'tautulli'").Outcome); // the others still run
    }

    [Fact]
    public async Task TheFakeRefusesWhatSeerrRefuses()
    {
        await using var seerr = await StartFakeAsync();
        using var http = new HttpClient { BaseAddress = seerr.BaseAddress };
        async Task<(int, string)> SendAsync(HttpMethod method, string path, string? body, string? key = SeerrKey)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text.StartsWith('{') ? (string?)JsonNode.Parse(text)!["message"] ?? text : text);
        }

        Assert.Equal(403, (await SendAsync(HttpMethod.Get, "api/v1/settings/plex", null)).Item1); // no user yet: the key is nobody
        Assert.Equal(500, (await SendAsync(HttpMethod.Post, "api/v1/auth/plex", """{"authToken":"someone-else"}""", null)).Item1);
        Assert.Equal(400, (await SendAsync(HttpMethod.Post, "api/v1/auth/plex", "{}", null)).Item1); // authToken is required
        Assert.Equal(0, seerr.Users);
        Assert.Equal(200, (await SendAsync(HttpMethod.Post, "api/v1/auth/plex", $$"""{"authToken":"{{PlexToken}}"}""", null)).Item1);
        Assert.Equal(403, (await SendAsync(HttpMethod.Get, "api/v1/settings/plex", null, "wrong-key")).Item1);
        var readOnly = await SendAsync(HttpMethod.Post, "api/v1/settings/plex", """{"ip":"plex","port":32400,"machineId":"x"}""");
        Assert.Equal(400, readOnly.Item1);
        Assert.Contains("'machineId' is read-only", readOnly.Item2, StringComparison.Ordinal);
        var typo = await SendAsync(HttpMethod.Post, "api/v1/settings/tautulli", """{"host":"tautulli","port":8181}""");
        Assert.Equal(400, typo.Item1);
        Assert.Contains("'host' is not a property", typo.Item2, StringComparison.Ordinal);
        var missing = await SendAsync(HttpMethod.Post, "api/v1/settings/sonarr", """{"name":"sonarr","hostname":"gluetun","port":8989}""");
        Assert.Equal(400, missing.Item1);
        Assert.Equal(404, (await SendAsync(HttpMethod.Put, "api/v1/settings/sonarr/3", SonarrEntry)).Item1);
        Assert.Equal(500, (await SendAsync(HttpMethod.Post, "api/v1/settings/plex", """{"ip":"10.0.0.9","port":32400}""")).Item1); // no Plex there
    }

    private const string SonarrEntry = """
        {"name":"sonarr","hostname":"gluetun","port":8989,"apiKey":"k","useSsl":false,"activeProfileId":4,"activeProfileName":"HD-1080p",
         "activeDirectory":"/data/media/tv","is4k":false,"enableSeasonFolders":true,"isDefault":true,"tags":[],"monitorNewItems":"all"}
        """;

    [Fact]
    public async Task WithTwoSonarrsOnlyTheFirstIsTheDefaultSoASecondPassStillOnlyReads()
    {
        var (model, values) = Build(secondSonarr: true);
        await using var seerr = await StartFakeAsync();
        seerr.World.Arrs["sonarr-anime:8989"] = (values["Parameters:sonarr-anime-api-key"] = "anime0123456789abcdef0123456789abc", s_profiles);

        var first = await PassAsync(model, seerr, ConfigurationMode.Apply, values);
        Assert.True(first.Matches, string.Join("\n", first.Results));
        Assert.Equal([("sonarr", true), ("sonarr-anime", false)],
            seerr.Settings("sonarr").AsArray().Select(s => ((string?)s!["name"], (bool)s["isDefault"]!)));

        var writes = seerr.Writes.Count;
        var second = await PassAsync(model, seerr, ConfigurationMode.Apply, values);
        Assert.All(second.Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        Assert.Equal(writes, seerr.Writes.Count);
    }

    [Fact]
    public async Task ASetUpSeerrThatRefusesTheKeyFailsWithTheFixAndNobodySignsIn()
    {
        var (model, values) = Build();
        await using var seerr = await StartFakeAsync();
        Assert.True((await PassAsync(model, seerr, ConfigurationMode.Apply, values)).Matches);
        var writes = seerr.Writes.Count;

        var wrongKey = new Dictionary<string, string?>(values) { ["Parameters:seerr-api-key"] = "another0123456789abcdef0123456789a" };
        var report = await PassAsync(model, seerr, ConfigurationMode.Apply, wrongKey);

        Assert.Equal("admin user 'plex': failed: Seerr is set up but refuses the API key Servarr holds (403): its API_KEY changed since the container started; restart seerr so it reads seerr-api-key again",
            report.Results[0].ToString());
        Assert.DoesNotContain(report.Results, r => r.Outcome == ConfigurationOutcome.Waiting);
        Assert.Equal(writes, seerr.Writes.Count);
    }
}
