using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Servarr.Tests.TestSupport.Maintainerr;
using Servarr.Tests.TestSupport.Tautulli;

namespace Servarr.Tests.Configuration;

/// <summary>The fakes refuse what Tautulli and Maintainerr refuse, and accept what they accept, so tests against them can fail.</summary>
public class FakeTautulliAndMaintainerrTests
{
    private const string ApiKey = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task FakeTautulliRefusesWhatTautulliRefuses()
    {
        await using var tautulli = await FakeTautulli.StartAsync(ApiKey, "plex", CancellationToken.None);
        using var http = new HttpClient { BaseAddress = tautulli.BaseAddress };

        async Task<(HttpStatusCode, string?)> Api(string query)
        {
            using var response = await http.GetAsync($"api/v2?{query}");
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            return (response.StatusCode, (string?)body?["response"]?["message"]);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "Parameter apikey is required"), await Api("cmd=get_settings"));
        Assert.Equal((HttpStatusCode.BadRequest, "Unknown command: set_pms_settings"), await Api($"apikey={ApiKey}&cmd=set_pms_settings"));
        Assert.Equal((HttpStatusCode.Unauthorized, "Invalid apikey"), await Api("apikey=fedcba9876543210fedcba9876543210&cmd=get_settings"));
        Assert.Null(JsonNode.Parse(await http.GetStringAsync($"api/v2?apikey={ApiKey}&cmd=get_settings"))!["response"]!["data"]!["PMS"]!["pms_token"]);

        using var noHeader = await http.PostAsync("configUpdate", new FormUrlEncodedContent([new("first_run", "1"), new("pms_ip", "plex")]));
        using var get = await http.GetAsync("save_pms_token?token=t");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed), (noHeader.StatusCode, get.StatusCode));

        using var request = new HttpRequestMessage(HttpMethod.Post, "configUpdate")
        {
            Content = new FormUrlEncodedContent([new("pms_ip", "plex"), new("pms_token", "t")]),
        };
        request.Headers.Add("X-Api-Key", ApiKey);
        using var withoutFirstRun = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, withoutFirstRun.StatusCode);
        Assert.Equal(("plex", "", 0, 0), ((string?)tautulli.State.Config["PMS"]["pms_ip"], (string?)tautulli.State.Config["PMS"]["pms_token"],
            (int?)tautulli.State.Config["General"]["monitor_pms_updates"], (int?)tautulli.State.Config["General"]["first_run_complete"]));

        using var added = await http.PostAsync("api/v2", new FormUrlEncodedContent([new("apikey", ApiKey), new("cmd", "add_newsletter_config"), new("agent_id", "0")]));
        using var noSubject = await http.PostAsync("api/v2", new FormUrlEncodedContent(
            [new("apikey", ApiKey), new("cmd", "set_newsletter_config"), new("newsletter_id", "1"), new("agent_id", "0"), new("cron", "0 0 * * 0")]));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.InternalServerError), (added.StatusCode, noSubject.StatusCode));
    }

    [Fact]
    public async Task FakeMaintainerrStripsUnknownFieldsAndRefusesWrongTypes()
    {
        await using var maintainerr = await FakeMaintainerr.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = maintainerr.BaseAddress };

        using var extra = await http.PostAsJsonAsync("api/settings/tautulli", new JsonObject { ["url"] = "http://tautulli:8181/", ["api_key"] = "k", ["apiKey"] = "x" });
        using var wrongType = await http.PostAsJsonAsync("api/settings", new JsonObject { ["plex_port"] = "32400" });
        using var notAnId = await http.PutAsJsonAsync("api/settings/sonarr/abc", new JsonObject { ["serverName"] = "s", ["url"] = "http://s:1", ["apiKey"] = "k" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (extra.StatusCode, wrongType.StatusCode, notAnId.StatusCode));
        Assert.Equal(("http://tautulli:8181", "k"), ((string?)maintainerr.State.Settings["tautulli_url"], (string?)maintainerr.State.Settings["tautulli_api_key"]));
        Assert.False(maintainerr.State.Settings.ContainsKey("apiKey"));
        var error = (await wrongType.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!;
        Assert.Equal("plex_port: Expected integer in range", $"{error["path"]![0]}: {error["message"]}");
    }
}
