using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Servarr.Tests.TestSupport.Tautulli;

/// <summary>
/// The requests of a <see cref="FakeTautulli"/>, as Tautulli/Tautulli@v2.17.2 answers them:
/// <list type="bullet">
/// <item><c>/api/v2</c> (query and form merged, as CherryPy does): a configured key not 32 characters → 401 "API key not
/// generated correctly"; no <c>apikey</c> → 401; no or an unknown <c>cmd</c> → 400; a wrong key → 401 "Invalid apikey"
/// (plexpy/api2.py <c>_api_validate</c>). Commands: <c>get_settings</c> (pms_token withheld), <c>get_server_id</c>,
/// <c>get_library_names</c>, <c>get_newsletters</c>, <c>get_newsletter_config</c> (password masked as four spaces),
/// <c>add_newsletter_config</c>, <c>set_newsletter_config</c> (a missing subject, body or message → 500; a missing cron →
/// "Failed to save newsletter."; option keys outside the agent's defaults dropped, ints cast — plexpy/newsletters.py).</item>
/// <item><c>POST /save_pms_token</c>, <c>POST /configUpdate</c> (other methods 405): the <c>X-Api-Key</c> header must be the
/// key (CSRF check, else 403), and with a web login set → 401 (plexpy/webauth.py). configUpdate keeps only keys that are
/// settings (pms_token is not one), and without <c>first_run</c> resets every checkbox setting it was not sent
/// (plexpy/webserve.py <c>configUpdate</c>).</item>
/// </list>
/// </summary>
internal sealed class TautulliHandler(TautulliState state)
{
    private static readonly string[] s_commands =
        ["get_settings", "get_server_id", "get_library_names", "get_newsletters", "get_newsletter_config", "add_newsletter_config", "set_newsletter_config", "delete_newsletter"];

    private static readonly string[] s_pmsSettings = ["pms_ip", "pms_port", "pms_ssl", "pms_identifier", "pms_is_cloud", "pms_url_manual"];

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var args = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query)
        {
            args[key] = [.. values.OfType<string>()];
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, values) in await request.ReadFormAsync(context.RequestAborted))
            {
                args[key] = [.. values.OfType<string>()];
            }
        }

        var path = request.Path.Value ?? "/";
        state.Locked(() => { state.Requests.Add($"{request.Method} {path} {One(args, "cmd")}".TrimEnd()); return 0; });
        var (status, body) = path switch
        {
            "/api/v2" => state.Locked(() => Api(args)),
            "/save_pms_token" or "/configUpdate" => state.Locked(() => Web(request, path, args)),
            _ => (404, null),
        };
        await FakeHttpServer.WriteJsonAsync(context, status, body);
    }

    private (int, JsonNode?) Api(Dictionary<string, List<string>> args)
    {
        var cmd = One(args, "cmd");
        var refusal = state.ApiKey.Length != 32 ? (401, "API key not generated correctly")
            : One(args, "apikey") is null ? (401, "Parameter apikey is required")
            : cmd is null ? (400, "Parameter cmd is required")
            : !s_commands.Contains(cmd) ? (400, $"Unknown command: {cmd}")
            : One(args, "apikey") != state.ApiKey ? (401, "Invalid apikey")
            : ((int, string)?)null;
        if (refusal is var (code, message))
        {
            return (code, Envelope("error", message, null));
        }

        return cmd switch
        {
            "get_settings" => Ok(new JsonObject
            {
                ["General"] = state.Config["General"].DeepClone(),
                ["PMS"] = Without(state.Config["PMS"], "pms_token"),
            }),
            "get_server_id" => Ok(new JsonObject
            {
                ["identifier"] = One(args, "hostname") == state.PlexHost && One(args, "port") == "32400" && state.Config["PMS"]["pms_token"]!.ToString().Length > 0
                    ? TautulliState.PlexIdentifier : null,
            }),
            "get_library_names" => Ok(new JsonArray([.. state.Libraries.Select(l => (JsonNode)new JsonObject
                { ["section_id"] = l.Id, ["section_name"] = l.Name, ["section_type"] = l.Type })])),
            "get_newsletters" => Ok(new JsonArray([.. state.Newsletters.Values.Select(n => (JsonNode)new JsonObject
            {
                ["id"] = n["id"]!.DeepClone(), ["agent_id"] = n["agent_id"]!.DeepClone(), ["agent_name"] = "recently_added",
                ["friendly_name"] = n["friendly_name"]!.DeepClone(), ["cron"] = n["cron"]!.DeepClone(), ["active"] = n["active"]!.DeepClone(),
            })])),
            "get_newsletter_config" => int.TryParse(One(args, "newsletter_id"), out var id) && state.Newsletters.TryGetValue(id, out var row)
                ? Ok(Masked(row)) : (400, Envelope("error", "", null)),
            "add_newsletter_config" => AddNewsletter(args),
            // webserve.py delete_newsletter: success, or {'result': 'error', 'message': 'Failed to delete newsletter.'}
            "delete_newsletter" => int.TryParse(One(args, "newsletter_id"), out var gone) && state.Newsletters.Remove(gone)
                ? (200, Envelope("success", "Newsletter deleted successfully.", null)) : (200, Envelope("error", "Failed to delete newsletter.", null)),
            _ => SetNewsletter(args),
        };
    }

    private (int, JsonNode?) AddNewsletter(Dictionary<string, List<string>> args)
    {
        if (One(args, "agent_id") != "0")
        {
            return (400, Envelope("error", "Failed to add newsletter.", null));
        }

        var id = state.Newsletters.Count == 0 ? 1 : state.Newsletters.Keys.Max() + 1;
        state.Newsletters[id] = new JsonObject
        {
            ["id"] = id, ["agent_id"] = 0, ["id_name"] = "", ["friendly_name"] = "", ["cron"] = "0 0 * * 0", ["active"] = 0,
            ["subject"] = "Recently Added to {server_name}! ({end_date})", ["body"] = "View the newsletter here: {newsletter_url}", ["message"] = "",
            ["config"] = Defaults.Config(), ["email_config"] = Defaults.Email(),
        };
        return Ok(new JsonObject { ["newsletter_id"] = id });
    }

    private (int, JsonNode?) SetNewsletter(Dictionary<string, List<string>> args)
    {
        if (One(args, "agent_id") != "0" || !int.TryParse(One(args, "newsletter_id"), out var id))
        {
            return (400, Envelope("error", "Failed to save newsletter.", null));
        }

        if (One(args, "subject") is null || One(args, "body") is null || One(args, "message") is null)
        {
            return (500, Envelope("error", "Check the logs for errors", null)); // kwargs.pop('subject') → KeyError
        }

        if (One(args, "cron") is null)
        {
            return (400, Envelope("error", "Failed to save newsletter.", null)); // cron TEXT NOT NULL
        }

        var old = state.Newsletters.GetValueOrDefault(id);
        var email = Defaults.Apply(Defaults.Email(), args, "newsletter_email_");
        if (One(args, "newsletter_email_smtp_password") == "    " && old is not null)
        {
            email["smtp_password"] = old["email_config"]!["smtp_password"]!.DeepClone();
        }

        state.Newsletters[id] = new JsonObject
        {
            ["id"] = id, ["agent_id"] = 0, ["id_name"] = One(args, "id_name") ?? "", ["friendly_name"] = One(args, "friendly_name") ?? "",
            ["cron"] = One(args, "cron"), ["active"] = One(args, "active") is { } active ? int.Parse(active, System.Globalization.CultureInfo.InvariantCulture) : null,
            ["subject"] = One(args, "subject"), ["body"] = One(args, "body"), ["message"] = One(args, "message"),
            ["config"] = Defaults.Apply(Defaults.Config(), args, "newsletter_config_"), ["email_config"] = email,
        };
        return Ok(new JsonObject());
    }

    private (int, JsonNode?) Web(HttpRequest request, string path, Dictionary<string, List<string>> args)
    {
        if (request.Method != "POST")
        {
            return (405, null);
        }

        if (request.Headers["X-Api-Key"].FirstOrDefault() != state.ApiKey)
        {
            return (403, null);
        }

        if (state.LoginEnabled)
        {
            return (401, null);
        }

        if (path == "/save_pms_token")
        {
            if (One(args, "token") is { } token)
            {
                state.Config["PMS"]["pms_token"] = token;
            }

            return (200, null);
        }

        var firstRun = args.Remove("first_run");
        if (!firstRun)
        {
            state.Config["General"]["monitor_pms_updates"] = args.ContainsKey("monitor_pms_updates") ? 1 : 0;
        }

        foreach (var key in s_pmsSettings.Where(args.ContainsKey))
        {
            var value = One(args, key)!;
            state.Config["PMS"][key] = key is "pms_ip" or "pms_identifier" ? value : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (firstRun)
        {
            state.Config["General"]["first_run_complete"] = 1;
        }

        return (200, new JsonObject { ["result"] = "success", ["message"] = "Settings saved." });
    }

    private static JsonObject Masked(JsonObject row)
    {
        var copy = (JsonObject)row.DeepClone();
        if (copy["email_config"]!["smtp_password"]!.ToString().Length > 0)
        {
            copy["email_config"]!["smtp_password"] = "    ";
        }

        return copy;
    }

    private static JsonObject Without(JsonObject section, string key)
    {
        var copy = (JsonObject)section.DeepClone();
        copy[key] = null;
        return copy;
    }

    private static string? One(Dictionary<string, List<string>> args, string key) => args.TryGetValue(key, out var values) ? values.LastOrDefault() : null;

    private static (int, JsonNode?) Ok(JsonNode data) => (200, Envelope("success", "", data));

    private static JsonObject Envelope(string result, string message, JsonNode? data) =>
        new() { ["response"] = new JsonObject { ["result"] = result, ["message"] = message, ["data"] = data ?? new JsonObject() } };
}
