using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Servarr.Tests.TestSupport.SeerrApi;

/// <summary>
/// The routes of a <see cref="FakeSeerrApi"/>, each as Seerr's (seerr-team/seerr, server/routes/…) behaves:
/// <list type="bullet">
/// <item><c>GET /settings/public</c> and <c>POST /auth/plex</c> need no key; everything else authenticates
/// <c>X-Api-Key</c> as user 1, and answers 403 without that user (server/middleware/auth.ts).</item>
/// <item><c>POST /auth/plex {authToken}</c>: 500 without a token or with one plex.tv refuses; the first user is an admin
/// and sets <c>mediaServerType</c> to Plex (server/routes/auth.ts).</item>
/// <item><c>GET/POST /settings/plex</c>: the POST reaches the simulated Plex at <c>ip:port</c>, else 500, and stores its
/// machine id and name; <c>GET /settings/plex/library?sync&amp;enable</c> reads its movie/show libraries and enables
/// only those named (server/routes/settings/index.ts, server/api/plexapi.ts).</item>
/// <item><c>GET/POST /settings/{sonarr|radarr}</c> (201, id = last + 1), <c>PUT …/{id}</c> (replaces the entry, 404 for
/// an unknown id), <c>POST …/test</c> (the instance's profiles and root folders; 500 when it cannot be reached with that
/// key) — server/routes/settings/sonarr.ts and radarr.ts.</item>
/// <item><c>GET/POST /settings/tautulli</c> (500 when the simulated Tautulli is not there), <c>POST /settings/initialize</c>.</item>
/// </list>
/// Every POST/PUT body is validated against seerr-api.yml first, like Seerr's express-openapi-validator (400
/// <c>{message, errors}</c>), but stricter: undeclared properties are refused, except those Seerr's own settings types
/// declare beyond the document (<see cref="SourceOnlyProperties"/>).
/// </summary>
internal sealed class SeerrApiHandler(SeerrState state, OpenApiBodyValidator validator)
{
    private const string Prefix = "/api/v1/";

    /// <summary>
    /// Properties of Seerr's <c>SonarrSettings</c>/<c>RadarrSettings</c> (server/lib/settings/index.ts, <c>DVRSettings</c>)
    /// that seerr-api.yml leaves out; Seerr's UI sends them (src/components/Settings/SonarrModal, <c>submission</c>).
    /// </summary>
    private static readonly Dictionary<string, string> s_dvr = new()
    {
        ["tags"] = """{"type":"array","items":{"type":"number"}}""", ["tagRequests"] = """{"type":"boolean"}""",
        ["overrideRule"] = """{"type":"array","items":{"type":"number"}}""",
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SourceOnlyProperties =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["RadarrSettings"] = s_dvr,
            ["SonarrSettings"] = new Dictionary<string, string>(s_dvr)
            {
                ["seriesType"] = """{"type":"string","enum":["standard","daily","anime"]}""",
                ["animeSeriesType"] = """{"type":"string","enum":["standard","daily","anime"]}""",
                ["animeTags"] = """{"type":"array","items":{"type":"number"}}""",
                ["monitorNewItems"] = """{"type":"string","enum":["all","none"]}""",
            },
        };

    public static OpenApiBodyValidator Validator => OpenApiBodyValidator.For("seerr-api.yml", new OpenApiRequestRules(ReadOnly: true, SourceOnlyProperties));

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var body = request.ContentLength is > 0 || request.Method is "POST" or "PUT"
            ? await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted) : "";
        var (status, answer) = state.Snapshot(s =>
        {
            s.Requests.Add($"{request.Method} {path}{request.QueryString}");
            return path.StartsWith(Prefix, StringComparison.Ordinal) ? Handle(request, path[Prefix.Length..].TrimEnd('/'), body) : (404, null);
        });
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }
    }

    /// <summary>Runs under the state's lock.</summary>
    private (int, JsonNode?) Handle(HttpRequest request, string route, string body)
    {
        var settings = state.Settings;
        if ((request.Method, route) is ("GET", "settings/public"))
        {
            return (200, settings["public"]!.DeepClone());
        }

        if (request.Method is "POST" or "PUT" && Invalid(request.Method, route, body) is { } refusal)
        {
            return (400, refusal);
        }

        var json = body.Length > 0 ? JsonNode.Parse(body)!.AsObject() : [];
        if ((request.Method, route) is ("POST", "auth/plex"))
        {
            return SignIn(json);
        }

        if (request.Headers["X-Api-Key"].FirstOrDefault() != state.ApiKey || state.Users.Count == 0)
        {
            return (403, new JsonObject { ["status"] = 403, ["error"] = "You do not have permission to access this endpoint" });
        }

        var plex = settings["plex"]!.AsObject();
        return (request.Method, route.Split('/')) switch
        {
            ("GET", ["auth", "me"]) => (200, state.Users[0].DeepClone()),
            ("GET", ["settings", "plex"]) => (200, plex.DeepClone()),
            ("POST", ["settings", "plex"]) => SavePlex(plex, json),
            ("GET", ["settings", "plex", "library"]) => Libraries(plex, request.Query),
            ("GET", ["settings", "sonarr" or "radarr" or "tautulli"] s) => (200, settings[s[1]]!.DeepClone()),
            ("POST", ["settings", "sonarr" or "radarr", "test"] s) => Test(s[1], json),
            ("POST", ["settings", "sonarr" or "radarr"] s) => AddServer(settings[s[1]]!.AsArray(), json),
            ("PUT", ["settings", "sonarr" or "radarr", var id] s) => ReplaceServer(settings[s[1]]!.AsArray(), id, json),
            ("POST", ["settings", "tautulli"]) => SaveTautulli(settings["tautulli"]!.AsObject(), json),
            ("POST", ["settings", "initialize"]) => Initialize(settings["public"]!.AsObject()),
            _ => (404, new JsonObject { ["message"] = "not found" }),
        };
    }

    private JsonObject? Invalid(string method, string route, string body)
    {
        var template = "/" + (route.StartsWith("settings/sonarr/", StringComparison.Ordinal) || route.StartsWith("settings/radarr/", StringComparison.Ordinal)
            ? route.Split('/') is [_, var app, var id] && id != "test" ? $"settings/{app}/{{{app}Id}}" : route : route);
        var schema = validator.RequestSchemaName(template, method);
        if (schema is null)
        {
            return body.Length == 0 ? null : new JsonObject { ["message"] = $"{method} {template} takes no body" };
        }

        List<OpenApiBodyFailure> failures;
        try
        {
            failures = body.Length == 0 ? [new("", "request/body is required")] : [.. validator.Validate(schema, body)];
        }
        catch (JsonException e)
        {
            failures = [new("", $"body is not JSON: {e.Message}")];
        }

        return failures.Count == 0 ? null : new JsonObject
        {
            ["message"] = string.Join(", ", failures.Select(f => f.Message)),
            ["errors"] = new JsonArray([.. failures.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["message"] = f.Message })]),
        };
    }

    private (int, JsonNode?) SignIn(JsonObject body)
    {
        var token = (string?)body["authToken"];
        if (string.IsNullOrEmpty(token))
        {
            return (500, new JsonObject { ["message"] = "Authentication token required." });
        }

        if (token != state.World.PlexAccountToken)
        {
            return (500, new JsonObject { ["message"] = "Invalid auth token" });
        }

        if (state.Users.Count == 0)
        {
            state.Users.Add(new JsonObject { ["id"] = 1, ["plexToken"] = token, ["permissions"] = 2, ["email"] = "owner@example.com" });
            state.Settings["main"]!["mediaServerType"] = 1;
        }

        return (200, state.Users[0].DeepClone());
    }

    private bool PlexReachable(JsonObject plex) =>
        state.Users.Count > 0 && (string?)state.Users[0]["plexToken"] == state.World.PlexAccountToken
        && $"{(string?)plex["ip"]}:{plex["port"]}" == state.World.PlexAddress && plex["useSsl"]?.GetValue<bool>() != true;

    private (int, JsonNode?) SavePlex(JsonObject plex, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            plex[key] = value?.DeepClone(); // Object.assign(settings.plex, req.body), before the server is reached
        }

        if (!PlexReachable(plex))
        {
            return (500, new JsonObject { ["message"] = "Unable to connect to Plex." });
        }

        plex["machineId"] = "fake-machine-id";
        plex["name"] = "Fake Plex";
        return (200, plex.DeepClone());
    }

    private (int, JsonNode?) Libraries(JsonObject plex, IQueryCollection query)
    {
        if (query.ContainsKey("sync"))
        {
            var known = plex["libraries"]!.AsArray().OfType<JsonObject>().ToList();
            plex["libraries"] = !PlexReachable(plex) ? new JsonArray() : new JsonArray([.. state.World.PlexLibraries
                .Where(l => l.Type is "movie" or "show")
                .Select(l => (JsonNode)new JsonObject
                {
                    ["id"] = l.Key, ["name"] = l.Title, ["type"] = l.Type,
                    ["enabled"] = known.FirstOrDefault(k => (string?)k["id"] == l.Key && (string?)k["name"] == l.Title)?["enabled"]?.GetValue<bool>() ?? false,
                })]);
        }

        var enable = query["enable"].FirstOrDefault()?.Split(',') ?? [];
        foreach (var library in plex["libraries"]!.AsArray().OfType<JsonObject>())
        {
            library["enabled"] = enable.Contains((string?)library["id"]);
        }

        return (200, plex["libraries"]!.DeepClone());
    }

    private (int, JsonNode?) Test(string app, JsonObject body)
    {
        if (!state.World.Arrs.TryGetValue($"{(string?)body["hostname"]}:{body["port"]}", out var arr) || arr.ApiKey != (string?)body["apiKey"])
        {
            return (500, new JsonObject { ["message"] = $"Failed to connect to {(app == "sonarr" ? "Sonarr" : "Radarr")}" });
        }

        return (200, new JsonObject
        {
            ["profiles"] = new JsonArray([.. arr.Profiles.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name })]),
            ["rootFolders"] = new JsonArray(), ["tags"] = new JsonArray(), ["urlBase"] = "",
        });
    }

    private static (int, JsonNode?) AddServer(JsonArray servers, JsonObject body)
    {
        body["id"] = servers.Count == 0 ? 0 : servers[^1]!["id"]!.GetValue<int>() + 1;
        ClearDefaults(servers, body);
        servers.Add(body.DeepClone());
        return (201, body);
    }

    private static (int, JsonNode?) ReplaceServer(JsonArray servers, string idText, JsonObject body)
    {
        var index = servers.Select((s, i) => (s, i)).FirstOrDefault(x => x.s!["id"]!.ToJsonString() == idText, (null, -1)).Item2;
        if (index < 0)
        {
            return (404, new JsonObject { ["status"] = "404", ["message"] = "Settings instance not found" });
        }

        ClearDefaults(servers, body);
        body["id"] = int.Parse(idText, System.Globalization.CultureInfo.InvariantCulture);
        servers[index] = body.DeepClone();
        return (200, body);
    }

    private static void ClearDefaults(JsonArray servers, JsonObject body)
    {
        if (body["isDefault"]?.GetValue<bool>() == true)
        {
            foreach (var server in servers.OfType<JsonObject>().Where(s => s["is4k"]?.ToJsonString() == body["is4k"]?.ToJsonString()))
            {
                server["isDefault"] = false;
            }
        }
    }

    private (int, JsonNode?) SaveTautulli(JsonObject tautulli, JsonObject body)
    {
        if (!state.World.Tautullis.TryGetValue($"{(string?)body["hostname"]}:{body["port"]}", out var key) || key != (string?)body["apiKey"])
        {
            return (500, new JsonObject { ["message"] = "Unable to connect to Tautulli." });
        }

        foreach (var (name, value) in body)
        {
            tautulli[name] = value?.DeepClone();
        }

        return (200, tautulli.DeepClone());
    }

    private static (int, JsonNode?) Initialize(JsonObject settings)
    {
        settings["initialized"] = true;
        return (200, settings.DeepClone());
    }
}
