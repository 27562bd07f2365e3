using System.Text.Json;
using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.Maintainerr;

/// <summary>
/// Maintainerr's zod request schemas (Maintainerr/Maintainerr@v3.24.0 packages/contracts/src/settings/**): plain
/// <c>z.object</c>, so unknown keys are stripped, not refused; a wrong type, a missing required field or a URL without
/// <c>http(s)://</c> is refused (nestjs-zod's pipe: 400 <c>{"statusCode": 400, "message": "Validation failed", "errors": [...]}</c>).
/// Strings are trimmed, URLs lose trailing slashes (serviceUrl.ts).
/// </summary>
internal static class MaintainerrSchemas
{
    private delegate JsonNode? Field(JsonNode? value, out string? error);

    private static readonly Dictionary<string, Field> s_settingsUpdate = new(StringComparer.Ordinal)
    {
        ["clientId"] = Text(), ["applicationTitle"] = Text(), ["applicationUrl"] = Text(), ["apikey"] = Text(), ["locale"] = Text(),
        ["media_server_type"] = Enum("plex", "jellyfin", "emby"), ["plex_name"] = Text(), ["plex_hostname"] = Text(), ["plex_port"] = Int(1, 65535),
        ["plex_ssl"] = Int(0, 1), ["plex_auth_token"] = Text(), ["plex_machine_id"] = Text(), ["plex_manual_mode"] = Int(0, 1),
        ["seerr_url"] = Url(), ["seerr_api_key"] = Text(), ["tautulli_url"] = Url(), ["tautulli_api_key"] = Text(),
        ["collection_handler_job_cron"] = Text(), ["rules_handler_job_cron"] = Text(),
    };

    /// <summary><c>settingsUpdateSchema</c> (every field optional; the fields the fake stores).</summary>
    public static JsonObject? SettingsUpdate(JsonNode? body, out JsonArray errors) => Parse(body, s_settingsUpdate, [], out errors);

    /// <summary><c>plexAuthTokenSchema</c>.</summary>
    public static JsonObject? PlexToken(JsonNode? body, out JsonArray errors) =>
        Parse(body, new() { ["plex_auth_token"] = Text(1) }, ["plex_auth_token"], out errors);

    /// <summary><c>seerrSettingSchema</c> and <c>tautulliSettingSchema</c>: <c>{url, api_key}</c>.</summary>
    public static JsonObject? Service(JsonNode? body, out JsonArray errors) =>
        Parse(body, new() { ["url"] = Url(), ["api_key"] = Text(1) }, ["url", "api_key"], out errors);

    /// <summary><c>sonarrSettingSchema</c> and <c>radarrSettingSchema</c>: <c>{serverName, url, apiKey}</c>.</summary>
    public static JsonObject? Server(JsonNode? body, out JsonArray errors) =>
        Parse(body, new() { ["serverName"] = Text(1), ["url"] = Url(), ["apiKey"] = Text(1) }, ["serverName", "url", "apiKey"], out errors);

    public static JsonObject Refusal(JsonArray errors) => new() { ["statusCode"] = 400, ["message"] = "Validation failed", ["errors"] = errors };

    private static JsonObject? Parse(JsonNode? body, Dictionary<string, Field> fields, string[] required, out JsonArray errors)
    {
        errors = [];
        if (body is not JsonObject input)
        {
            errors.Add(Issue("", "Expected object"));
            return null;
        }

        var output = new JsonObject();
        foreach (var (name, field) in fields)
        {
            if (!input.TryGetPropertyValue(name, out var value))
            {
                if (required.Contains(name))
                {
                    errors.Add(Issue(name, "Required"));
                }

                continue;
            }

            var parsed = field(value, out var error);
            if (error is not null)
            {
                errors.Add(Issue(name, error));
            }
            else
            {
                output[name] = parsed;
            }
        }

        return errors.Count == 0 ? output : null;
    }

    private static JsonObject Issue(string path, string message) => new() { ["path"] = new JsonArray(path), ["message"] = message };

    private static Field Text(int min = 0) => (JsonNode? value, out string? error) =>
    {
        error = null;
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>().Trim();
            error = text.Length < min ? "Too small" : null;
            return text;
        }

        error = "Expected string";
        return null;
    };

    private static Field Url() => (JsonNode? value, out string? error) =>
    {
        var text = (string?)Text()(value, out error);
        if (error is null && text is not null)
        {
            text = text.TrimEnd('/');
            error = text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal) ? null : "Must start with http:// or https://";
        }

        return text;
    };

    private static Field Int(int min, int max) => (JsonNode? value, out string? error) =>
    {
        error = value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= min && n <= max ? null : "Expected integer in range";
        return error is null ? value!.DeepClone() : null;
    };

    private static Field Enum(params string[] options) => (JsonNode? value, out string? error) =>
    {
        if (value is null)
        {
            error = null; // nullable
            return null;
        }

        error = value is JsonValue v && v.GetValueKind() == JsonValueKind.String && options.Contains(v.GetValue<string>()) ? null : "Invalid enum value";
        return error is null ? value.DeepClone() : null;
    };
}
