using System.Text.Json.Nodes;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.Maintainerr;

namespace Servarr.Tests.Configuration;

/// <summary>
/// What the model means inside Maintainerr, against a fake of its settings API (zod schemas, NOK bodies): Plex (token
/// first), Seerr, Tautulli, Sonarr and Radarr at their in-network addresses; a second pass only reads, drift is reported by
/// a check and put back by an apply, and without a Plex token only the Plex item waits.
/// </summary>
public class MaintainerrConfigurationTests
{
    private const string PlexTokenValue = "plex-token-abcdefghij";
    private const string SonarrKey = "sonarr0123456789abcdef0123456789ab";
    private const string RadarrKey = "radarr0123456789abcdef0123456789ab";
    private const string SeerrKey = "seerr0123456789abcdef0123456789abc";
    private const string TautulliKey = "0123456789abcdef0123456789abcdef";

    private static Dictionary<string, string?> Values(bool token = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["Parameters:sonarr-api-key"] = SonarrKey, ["Parameters:radarr-api-key"] = RadarrKey,
            ["Parameters:seerr-api-key"] = SeerrKey, ["Parameters:tautulli-api-key"] = TautulliKey,
        };
        if (token)
        {
            values["Parameters:plex-token"] = PlexTokenValue;
        }

        return values;
    }

    private static DistributedApplicationModel Model(Dictionary<string, string?> values)
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, values);
        var host = builder.AddHost();
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("p", "mullvad", publishValueAsDefault: true),
            builder.AddParameter("k", secret: true), builder.AddParameter("a", "10.64.0.2/32", publishValueAsDefault: true));
        var plex = builder.AddPlex("plex", host, builder.AddOptionalParameter("plex-claim", secret: true))
            .WithToken(builder.AddParameter("plex-token", secret: true));
        var sonarr = builder.AddSonarr("sonarr", host).WithVpn(gluetun);
        var radarr = builder.AddRadarr("radarr", host).WithVpn(gluetun);
        var seerr = builder.AddSeerr("seerr", host);
        var tautulli = builder.AddTautulli("tautulli", host);
        builder.AddMaintainerr("maintainerr", host)
            .WithReference(plex).WithReference(seerr).WithReference(sonarr).WithReference(radarr).WithReference(tautulli);
        return builder.BuildModel();
    }

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, FakeMaintainerr fake, ConfigurationMode mode,
        IReadOnlyDictionary<string, string?> values)
    {
        var app = model.Containers.Single(c => c.Name == "maintainerr");
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var context = new AppConfigurationContext(app, model, http, (p, _) => ValueTask.FromResult(values.GetValueOrDefault($"Parameters:{p.Name}")));
        return await AppConfigurator.RunAsync("maintainerr", app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)), mode, CancellationToken.None);
    }

    [Fact]
    public async Task FromScratchEveryConnectionIsAppliedAndASecondPassOnlyReads()
    {
        var values = Values();
        var model = Model(values);
        await using var maintainerr = await FakeMaintainerr.StartAsync(CancellationToken.None);

        var first = await PassAsync(model, maintainerr, ConfigurationMode.Apply, values);

        Assert.Equal(["Plex server 'plex'", "seerr server 'seerr'", "tautulli server 'tautulli'", "sonarr server 'sonarr'", "radarr server 'radarr'"],
            first.Results.Select(r => r.Item));
        Assert.All(first.Results, r => Assert.Equal(ConfigurationOutcome.Applied, r.Outcome));
        var settings = maintainerr.State.Settings;
        Assert.Equal(("plex", "plex", "plex", 32400, 0, PlexTokenValue),
            ((string?)settings["media_server_type"], (string?)settings["plex_name"], (string?)settings["plex_hostname"], (int?)settings["plex_port"],
                (int?)settings["plex_ssl"], (string?)settings["plex_auth_token"]));
        Assert.Equal(("http://seerr:5055", SeerrKey), ((string?)settings["seerr_url"], (string?)settings["seerr_api_key"]));
        Assert.Equal(("http://tautulli:8181", TautulliKey), ((string?)settings["tautulli_url"], (string?)settings["tautulli_api_key"]));
        var sonarr = Assert.Single(maintainerr.State.Servers["sonarr"]);
        Assert.Equal(("sonarr", "http://gluetun:8989", SonarrKey), ((string?)sonarr["serverName"], (string?)sonarr["url"], (string?)sonarr["apiKey"]));
        var radarr = Assert.Single(maintainerr.State.Servers["radarr"]);
        Assert.Equal(("radarr", "http://gluetun:7878", RadarrKey), ((string?)radarr["serverName"], (string?)radarr["url"], (string?)radarr["apiKey"]));
        Assert.Equal(["POST /api/settings/plex/token", "POST /api/settings"], maintainerr.State.Writes.Take(2)); // the token first
        Assert.DoesNotContain(first.Results, r => new[] { PlexTokenValue, SonarrKey, RadarrKey, SeerrKey, TautulliKey }.Any(k => r.Detail!.Contains(k, StringComparison.Ordinal)));

        var writes = maintainerr.State.Writes.Count();
        var second = await PassAsync(model, maintainerr, ConfigurationMode.Apply, values);

        Assert.All(second.Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        Assert.Equal(writes, maintainerr.State.Writes.Count());
    }

    [Fact]
    public async Task DriftIsReportedByACheckWithoutWritesAndTheNextApplyPutsItBack()
    {
        var values = Values();
        var model = Model(values);
        await using var maintainerr = await FakeMaintainerr.StartAsync(CancellationToken.None);
        await PassAsync(model, maintainerr, ConfigurationMode.Apply, values);
        maintainerr.State.Settings["plex_hostname"] = "192.168.1.5";
        maintainerr.State.Settings["tautulli_api_key"] = "an-old-key";
        maintainerr.State.Servers["radarr"][0]["url"] = "http://radarr:7878";
        var writes = maintainerr.State.Writes.Count();

        var check = await PassAsync(model, maintainerr, ConfigurationMode.Check, values);

        Assert.Equal(["Plex server 'plex': differs (plex_hostname is '192.168.1.5', the model says 'plex')", "seerr server 'seerr': as modelled",
            "tautulli server 'tautulli': differs (api_key differs)", "sonarr server 'sonarr': as modelled",
            "radarr server 'radarr': differs (url is 'http://radarr:7878', the model says 'http://gluetun:7878')"], check.Results.Select(r => r.ToString()));
        Assert.Equal(writes, maintainerr.State.Writes.Count());

        var apply = await PassAsync(model, maintainerr, ConfigurationMode.Apply, values);

        Assert.True(apply.Matches, string.Join("\n", apply.Results));
        Assert.Contains("PUT /api/settings/radarr/1", maintainerr.State.Writes);
        Assert.Single(maintainerr.State.Servers["radarr"]);
        Assert.Equal(("plex", TautulliKey), ((string?)maintainerr.State.Settings["plex_hostname"], (string?)maintainerr.State.Settings["tautulli_api_key"]));
        Assert.All((await PassAsync(model, maintainerr, ConfigurationMode.Check, values)).Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
    }

    [Fact]
    public async Task WithoutAPlexTokenThePlexServerWaitsAndTheOthersAreApplied()
    {
        var values = Values(token: false);
        var model = Model(values);
        await using var maintainerr = await FakeMaintainerr.StartAsync(CancellationToken.None);

        var report = await PassAsync(model, maintainerr, ConfigurationMode.Apply, values);

        Assert.Equal([ConfigurationOutcome.Waiting, .. Enumerable.Repeat(ConfigurationOutcome.Applied, 4)], report.Results.Select(r => r.Outcome));
        Assert.Null(maintainerr.State.Settings["media_server_type"]);
        Assert.DoesNotContain(maintainerr.State.Requests, r => r.Contains("plex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaintainerrRefusalsInTheBodyBecomeFailuresWithItsMessage()
    {
        await using var maintainerr = await FakeMaintainerr.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = maintainerr.BaseAddress };
        var api = new MaintainerrApi(http);

        var plexFirst = await Assert.ThrowsAsync<ConfigurationException>(() =>
            api.PostAsync("api/settings", new JsonObject { ["media_server_type"] = "plex", ["plex_hostname"] = "plex" }, CancellationToken.None));
        var badUrl = await Assert.ThrowsAsync<ConfigurationException>(() =>
            api.PostAsync("api/settings/sonarr", new JsonObject { ["serverName"] = "sonarr", ["url"] = "gluetun:8989", ["apiKey"] = "k" }, CancellationToken.None));
        var missingKey = await Assert.ThrowsAsync<ConfigurationException>(() =>
            api.PostAsync("api/settings/tautulli", new JsonObject { ["url"] = "http://tautulli:8181" }, CancellationToken.None));

        Assert.Equal("POST /api/settings: Authenticate with Plex before saving Plex server settings.", plexFirst.Message);
        Assert.Equal("POST /api/settings/sonarr: 400 Validation failed (url: Must start with http:// or https://)", badUrl.Message);
        Assert.Equal("POST /api/settings/tautulli: 400 Validation failed (api_key: Required)", missingKey.Message);
        Assert.Null(maintainerr.State.Settings["media_server_type"]);
        Assert.Empty(maintainerr.State.Servers["sonarr"]);
    }
}
