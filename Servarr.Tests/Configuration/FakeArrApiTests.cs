using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Servarr.Tests.TestSupport.ArrApi;

namespace Servarr.Tests.Configuration;

/// <summary>The fake *arr APIs themselves: validation against the apps' OpenAPI documents, state, auth, status codes.</summary>
public sealed class FakeArrApiTests : IDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    private static JsonObject QBittorrent(string categoryField = "tvCategory") => new()
    {
        ["name"] = "qBittorrent",
        ["implementation"] = "QBittorrent",
        ["configContract"] = "QBittorrentSettings",
        ["protocol"] = "torrent",
        ["enable"] = true,
        ["priority"] = 1,
        ["removeCompletedDownloads"] = true,
        ["removeFailedDownloads"] = true,
        ["infoLink"] = null, // nullable: true in the document
        ["tags"] = new JsonArray(),
        ["fields"] = new JsonArray(
            new JsonObject { ["name"] = "host", ["value"] = "qbittorrent" },
            new JsonObject { ["name"] = "port", ["value"] = 8080 },
            new JsonObject { ["name"] = "username", ["value"] = "admin" },
            new JsonObject { ["name"] = "password", ["value"] = "secret" },
            new JsonObject { ["name"] = categoryField, ["value"] = "tv" }),
    };

    private static JsonObject ProwlarrApplication(string syncLevel) => new()
    {
        ["name"] = "Sonarr",
        ["implementation"] = "Sonarr",
        ["configContract"] = "SonarrSettings",
        ["syncLevel"] = syncLevel,
        ["tags"] = new JsonArray(),
        ["fields"] = new JsonArray(
            new JsonObject { ["name"] = "prowlarrUrl", ["value"] = "http://prowlarr:9696" },
            new JsonObject { ["name"] = "baseUrl", ["value"] = "http://sonarr:8989" },
            new JsonObject { ["name"] = "apiKey", ["value"] = "sonarr-key" },
            new JsonObject { ["name"] = "syncCategories", ["value"] = new JsonArray(5000, 5010) }),
    };

    private static HttpClient Client(FakeArrApi fake, string? key = Key)
    {
        var client = new HttpClient { BaseAddress = fake.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    private async Task<JsonArray> RejectedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    [Fact]
    public async Task A_valid_qBittorrent_download_client_is_stored_and_returned_with_an_id()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);

        using var response = await client.PostAsync("api/v3/downloadclient?forceSave=true", Body(QBittorrent()), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v3/downloadclient/1", response.Headers.Location?.OriginalString);
        var created = await ReadAsync(response);
        Assert.Equal(1, (int)created["id"]!);
        var listed = (await ReadAsync(await client.GetAsync("api/v3/downloadclient", Ct))).AsArray();
        var stored = Assert.Single(listed)!;
        Assert.Equal(1, (int)stored["id"]!);
        Assert.Equal("qBittorrent", (string)stored["implementationName"]!);
        var fields = stored["fields"]!.AsArray();
        Assert.Equal("tv", (string)fields.Single(f => (string)f!["name"]! == "tvCategory")!["value"]!);
        Assert.False((bool)fields.Single(f => (string)f!["name"]! == "useSsl")!["value"]!); // not sent: the default
        Assert.Equal(15, fields.Count); // every Sonarr QBittorrentSettings field, sent or default
        Assert.Equal(1, (int)Assert.Single(fake.DownloadClients)["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v3/downloadclient/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/v3/downloadclient/2", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("enabled", "enabled")]
    [InlineData("fieldz", "fieldz")]
    public async Task A_body_with_an_unknown_property_is_rejected_naming_it(string property, string expected)
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);
        var body = QBittorrent();
        body[property] = true;

        var failures = await RejectedAsync(await client.PostAsync("api/v3/downloadclient", Body(body), Ct));

        Assert.Contains(failures, f => ((string)f!["propertyName"]!).Contains(expected, StringComparison.Ordinal));
        Assert.Empty(fake.DownloadClients);
    }

    [Fact]
    public async Task An_unknown_property_inside_a_field_is_rejected()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Radarr, Key, Ct);
        using var client = Client(fake);
        var body = QBittorrent("movieCategory");
        body["fields"]![0]!["vaule"] = "typo";

        var failures = await RejectedAsync(await client.PostAsync("api/v3/downloadclient", Body(body), Ct));

        Assert.True(failures.Any(f => (string)f!["propertyName"]! == "fields[0].vaule"), failures.ToJsonString());
    }

    [Theory]
    [InlineData("priority", "\"1\"")] // integer
    [InlineData("enable", "\"true\"")] // boolean
    [InlineData("name", "5")] // nullable string
    [InlineData("protocol", "\"bittorrent\"")] // enum DownloadProtocol
    [InlineData("priority", "null")] // not nullable
    [InlineData("enable", "null")] // not nullable
    public async Task A_mistyped_value_is_rejected(string property, string value)
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);
        var body = QBittorrent();
        body[property] = JsonNode.Parse(value);

        var failures = await RejectedAsync(await client.PostAsync("api/v3/downloadclient", Body(body), Ct));

        Assert.True(failures.Any(f => (string)f!["propertyName"]! == property), failures.ToJsonString());
    }

    [Theory]
    [InlineData(ArrApp.Sonarr, "category")] // Sonarr's field is tvCategory
    [InlineData(ArrApp.Radarr, "tvCategory")] // Radarr's is movieCategory
    [InlineData(ArrApp.Radarr, "apiKey")] // Radarr 6.0.3 has no apiKey field
    public async Task An_unknown_field_name_is_rejected(ArrApp app, string field)
    {
        await using var fake = await FakeArrApi.StartAsync(app, Key, Ct);
        using var client = Client(fake);

        var failures = await RejectedAsync(await client.PostAsync("api/v3/downloadclient", Body(QBittorrent(field)), Ct));

        var failure = Assert.Single(failures)!;
        Assert.Equal("fields[4].name", (string)failure["propertyName"]!);
        Assert.Contains($"'{field}'", (string)failure["errorMessage"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mismatched_implementation_and_config_contract_is_rejected()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);
        var body = QBittorrent();
        body["configContract"] = "TransmissionSettings";

        var failures = await RejectedAsync(await client.PostAsync("api/v3/downloadclient", Body(body), Ct));

        Assert.Contains(failures, f => (string)f!["propertyName"]! == "configContract");
    }

    [Fact]
    public async Task A_missing_or_wrong_API_key_is_refused_with_401()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Radarr, Key, Ct);
        using var anonymous = Client(fake, key: null);
        using var wrong = Client(fake, key: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v3/system/status", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("api/v3/downloadclient", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("api/v3/rootfolder", Body(new JsonObject { ["path"] = "/m" }), Ct)).StatusCode);
        Assert.Empty(fake.RootFolders);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/v3/system/status?apikey={Key}", Ct)).StatusCode);
        using var ping = await anonymous.GetAsync("ping", Ct);
        Assert.Equal("OK", (string)(await ReadAsync(ping))["status"]!);
    }

    [Fact]
    public async Task Prowlarr_accepts_syncLevel_fullSync_and_rejects_a_value_outside_the_enum()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Prowlarr, Key, Ct);
        using var client = Client(fake);

        using var accepted = await client.PostAsync("api/v1/applications?forceSave=true", Body(ProwlarrApplication("fullSync")), Ct);
        var failures = await RejectedAsync(await client.PostAsync("api/v1/applications", Body(ProwlarrApplication("everything")), Ct));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("fullSync", (string)Assert.Single(fake.Applications)["syncLevel"]!);
        Assert.Contains(failures, f => (string)f!["propertyName"]! == "syncLevel");
        Assert.Equal("Prowlarr", (string)(await ReadAsync(await client.GetAsync("api/v1/system/status", Ct)))["appName"]!);
    }

    [Fact]
    public async Task Put_replaces_and_answers_202_and_an_unknown_id_is_404()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Prowlarr, Key, Ct);
        using var client = Client(fake);
        await client.PostAsync("api/v1/applications", Body(ProwlarrApplication("fullSync")), Ct);
        var changed = ProwlarrApplication("addOnly");
        changed["id"] = 1;

        using var response = await client.PutAsync("api/v1/applications/1?forceSave=true", Body(changed), Ct);
        using var missing = await client.PutAsync("api/v1/applications/7", Body(ProwlarrApplication("addOnly")), Ct);
        var typo = ProwlarrApplication("addOnly");
        typo["synclevel"] = "fullSync";
        var failures = await RejectedAsync(await client.PutAsync("api/v1/applications/1", Body(typo), Ct));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("addOnly", (string)(await ReadAsync(response))["syncLevel"]!);
        Assert.Equal("addOnly", (string)Assert.Single(fake.Applications)["syncLevel"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(failures, f => (string)f!["propertyName"]! == "synclevel");
    }

    [Fact]
    public async Task Root_folders_must_be_absolute_and_unique_and_can_be_deleted()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);

        using var created = await client.PostAsync("api/v3/rootfolder", Body(new JsonObject { ["path"] = "/data/media/tv" }), Ct);
        var duplicate = await RejectedAsync(await client.PostAsync("api/v3/rootfolder", Body(new JsonObject { ["path"] = "/data/media/tv/" }), Ct));
        var relative = await RejectedAsync(await client.PostAsync("api/v3/rootfolder", Body(new JsonObject { ["path"] = "media/tv" }), Ct));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Path", (string)Assert.Single(duplicate)!["propertyName"]!);
        Assert.Equal("Path", (string)Assert.Single(relative)!["propertyName"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("api/v3/rootfolder/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("api/v3/rootfolder/1", Ct)).StatusCode);
        Assert.Empty(fake.RootFolders);
    }

    [Theory]
    [InlineData(ArrApp.Sonarr)]
    [InlineData(ArrApp.Radarr)]
    public async Task Quality_profiles_are_seeded_like_a_fresh_install(ArrApp app)
    {
        await using var fake = await FakeArrApi.StartAsync(app, Key, Ct);
        using var client = Client(fake);

        var profiles = (await ReadAsync(await client.GetAsync("api/v3/qualityprofile", Ct))).AsArray();

        Assert.Equal(1, (int)profiles.Single(p => (string)p!["name"]! == "Any")!["id"]!);
        Assert.Equal(4, (int)profiles.Single(p => (string)p!["name"]! == "HD-1080p")!["id"]!);
    }

    [Fact]
    public async Task The_request_log_records_calls_in_order()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);

        await client.GetAsync("api/v3/system/status", Ct);
        await client.PostAsync("api/v3/downloadclient?forceSave=true", Body(QBittorrent()), Ct);
        await client.GetAsync("api/v3/downloadclient", Ct);
        await client.DeleteAsync("api/v3/downloadclient/1", Ct);

        Assert.Equal(
            ["GET /api/v3/system/status", "POST /api/v3/downloadclient", "GET /api/v3/downloadclient", "DELETE /api/v3/downloadclient/1"],
            fake.Requests);
    }

    [Fact]
    public async Task Edit_and_Remove_by_hand_change_what_GET_returns()
    {
        await using var fake = await FakeArrApi.StartAsync(ArrApp.Sonarr, Key, Ct);
        using var client = Client(fake);
        await client.PostAsync("api/v3/downloadclient", Body(QBittorrent()), Ct);
        await client.PostAsync("api/v3/rootfolder", Body(new JsonObject { ["path"] = "/data/media/tv" }), Ct);

        fake.Edit(ArrCollections.DownloadClients, 1, resource => resource["priority"] = 50);
        fake.Remove(ArrCollections.RootFolders, 1);

        var stored = await ReadAsync(await client.GetAsync("api/v3/downloadclient/1", Ct));
        Assert.Equal(50, (int)stored["priority"]!);
        Assert.Empty((await ReadAsync(await client.GetAsync("api/v3/rootfolder", Ct))).AsArray());
        Assert.Throws<KeyNotFoundException>(() => fake.Remove(ArrCollections.RootFolders, 1));
    }
}
