using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Servarr.Tests.TestSupport.Maintainerr;

/// <summary>
/// The requests of a <see cref="FakeMaintainerr"/>, as Maintainerr/Maintainerr@v3.24.0 answers them (no authentication;
/// apps/server/src/modules/settings/settings.controller.ts, settings-operations.service.ts, settings-data.service.ts):
/// <list type="bullet">
/// <item><c>GET /api/settings</c>: the row with its secrets masked (<c>abc...xyz</c>, packages/contracts/src/app/maskSecret.ts).</item>
/// <item><c>POST|PATCH /api/settings</c>: merged over the row; Plex server fields changed while the type is plex and no
/// token is stored → <c>{"status": "NOK", "message": "Authenticate with Plex before saving Plex server settings."}</c>;
/// Seerr/Tautulli URLs lower-cased, the Plex hostname lower-cased without a scheme.</item>
/// <item><c>POST /api/settings/plex/token</c>; <c>GET|POST /api/settings/seerr</c> (and <c>/overseerr</c>, <c>/jellyseerr</c>),
/// <c>GET|POST /api/settings/tautulli</c> (<c>{url, api_key}</c>, the key unmasked).</item>
/// <item><c>GET|POST /api/settings/sonarr|radarr</c>, <c>PUT …/:id</c> (not a number → 400); URLs lower-cased; POST and
/// PUT answer <c>{data, status: "OK"}</c>.</item>
/// </list>
/// Bodies are checked with <see cref="MaintainerrSchemas"/>; anything else → 404.
/// </summary>
internal sealed class MaintainerrHandler(MaintainerrState state)
{
    private static readonly string[] s_secrets = ["plex_auth_token", "seerr_api_key", "tautulli_api_key"];

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? "/").TrimEnd('/');
        JsonNode? body = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                await FakeHttpServer.WriteJsonAsync(context, 400, new JsonObject { ["statusCode"] = 400, ["message"] = "Bad Request" });
                return;
            }
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (status, answer) = state.Locked(() =>
        {
            state.Requests.Add($"{request.Method} {path}");
            return (segments, request.Method) switch
            {
                (["api", "settings"], "GET") => (200, Masked()),
                (["api", "settings"], "POST" or "PATCH") => Validated(MaintainerrSchemas.SettingsUpdate(body, out var e), e, UpdateSettings),
                (["api", "settings", "plex", "token"], "POST") => Validated(MaintainerrSchemas.PlexToken(body, out var e), e, t => Save("plex_auth_token", t["plex_auth_token"])),
                (["api", "settings", "seerr" or "overseerr" or "jellyseerr"], "GET") => (200, Service("seerr")),
                (["api", "settings", "tautulli"], "GET") => (200, Service("tautulli")),
                (["api", "settings", "seerr" or "overseerr" or "jellyseerr"], "POST") => Validated(MaintainerrSchemas.Service(body, out var e), e, s => SaveService("seerr", s)),
                (["api", "settings", "tautulli"], "POST") => Validated(MaintainerrSchemas.Service(body, out var e), e, s => SaveService("tautulli", s)),
                (["api", "settings", "sonarr" or "radarr"], "GET") => (200, new JsonArray([.. state.Servers[segments[2]].Select(r => r.DeepClone())])),
                (["api", "settings", "sonarr" or "radarr"], "POST") => Validated(MaintainerrSchemas.Server(body, out var e), e, s => SaveServer(segments[2], null, s)),
                (["api", "settings", "sonarr" or "radarr", var id], "PUT") => int.TryParse(id, out var number)
                    ? Validated(MaintainerrSchemas.Server(body, out var e), e, s => SaveServer(segments[2], number, s))
                    : (400, new JsonObject { ["statusCode"] = 400, ["message"] = "Validation failed (numeric string is expected)" }),
                _ => (404, (JsonNode?)new JsonObject { ["statusCode"] = 404, ["message"] = $"Cannot {request.Method} {path}" }),
            };
        });
        await FakeHttpServer.WriteJsonAsync(context, status, answer);
    }

    private static (int, JsonNode?) Validated(JsonObject? input, JsonArray errors, Func<JsonObject, JsonObject> save) =>
        input is null ? (400, MaintainerrSchemas.Refusal(errors)) : (201, save(input));

    private JsonObject UpdateSettings(JsonObject update)
    {
        var current = state.Settings;
        var merged = (JsonObject)current.DeepClone();
        foreach (var (key, value) in update)
        {
            merged[key] = value?.DeepClone();
        }

        var plexChanged = (string?)merged["media_server_type"] == "plex" && new[] { "plex_name", "plex_hostname", "plex_port", "plex_ssl" }
            .Any(k => !JsonNode.DeepEquals(current[k], merged[k]));
        if (plexChanged && string.IsNullOrEmpty((string?)current["plex_auth_token"]))
        {
            return Nok("Authenticate with Plex before saving Plex server settings.");
        }

        merged["seerr_url"] = ((string?)merged["seerr_url"])?.ToLowerInvariant();
        merged["tautulli_url"] = ((string?)merged["tautulli_url"])?.ToLowerInvariant();
        var hostname = ((string?)merged["plex_hostname"])?.Trim().ToLowerInvariant();
        merged["plex_hostname"] = hostname?.StartsWith("https://", StringComparison.Ordinal) == true ? hostname[8..]
            : hostname?.StartsWith("http://", StringComparison.Ordinal) == true ? hostname[7..] : hostname;
        foreach (var (key, value) in merged.ToList())
        {
            current[key] = value?.DeepClone();
        }

        return Ok();
    }

    private JsonObject Save(string key, JsonNode? value)
    {
        state.Settings[key] = value?.DeepClone();
        return Ok();
    }

    private JsonObject SaveService(string service, JsonObject setting)
    {
        state.Settings[$"{service}_url"] = setting["url"]!.DeepClone();
        state.Settings[$"{service}_api_key"] = setting["api_key"]!.DeepClone();
        return Ok();
    }

    private JsonObject SaveServer(string service, int? id, JsonObject setting)
    {
        var rows = state.Servers[service];
        setting["url"] = ((string)setting["url"]!).ToLowerInvariant();
        var row = id is null ? null : rows.FirstOrDefault(r => (int)r["id"]! == id);
        if (row is null)
        {
            row = new JsonObject { ["id"] = id ?? (rows.Count == 0 ? 1 : rows.Max(r => (int)r["id"]!) + 1) };
            rows.Add(row); // a PUT of an unknown id saves a new row, as TypeORM's save does
        }

        foreach (var (key, value) in setting)
        {
            row[key] = value?.DeepClone();
        }

        var answer = Ok();
        answer["data"] = row.DeepClone();
        return answer;
    }

    private JsonObject Masked()
    {
        var copy = (JsonObject)state.Settings.DeepClone();
        foreach (var key in s_secrets)
        {
            copy[key] = (string?)copy[key] switch
            {
                null => null,
                "" => "",
                { Length: <= 6 } => "****",
                var s => $"{s[..3]}...{s[^3..]}",
            };
        }

        return copy;
    }

    private JsonObject Service(string service) =>
        new() { ["api_key"] = state.Settings[$"{service}_api_key"]?.DeepClone(), ["url"] = state.Settings[$"{service}_url"]?.DeepClone() };

    private static JsonObject Ok() => new() { ["status"] = "OK", ["code"] = 1, ["message"] = "Success" };

    private static JsonObject Nok(string message) => new() { ["status"] = "NOK", ["code"] = 0, ["message"] = message };
}
