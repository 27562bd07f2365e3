using System.Globalization;
using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.Tautulli;

/// <summary>
/// The recently-added newsletter's option defaults and how Tautulli takes options from a form: only keys of the defaults,
/// ints cast, a single value for a list wrapped in one (Tautulli/Tautulli@v2.17.2 plexpy/newsletters.py
/// <c>Newsletter._DEFAULT_CONFIG</c>, <c>RecentlyAdded._DEFAULT_CONFIG</c>, <c>_validate_config</c>; plexpy/notifiers.py
/// <c>EMAIL._DEFAULT_CONFIG</c>).
/// </summary>
internal static class Defaults
{
    public static JsonObject Config() => new()
    {
        ["custom_cron"] = 0, ["time_frame"] = 7, ["time_frame_units"] = "days", ["formatted"] = 1, ["threaded"] = 0, ["notifier_id"] = 0,
        ["filename"] = "", ["save_only"] = 0, ["incl_libraries"] = new JsonArray(),
    };

    public static JsonObject Email() => new()
    {
        ["from_name"] = "Tautulli Newsletter", ["from"] = "", ["to"] = new JsonArray(), ["cc"] = new JsonArray(), ["bcc"] = new JsonArray(),
        ["smtp_server"] = "", ["smtp_port"] = 465, ["smtp_user"] = "", ["smtp_password"] = "", ["tls"] = 2, ["html_support"] = 1, ["notifier_id"] = 0,
    };

    public static JsonObject Apply(JsonObject defaults, Dictionary<string, List<string>> args, string prefix)
    {
        foreach (var (key, value) in defaults.ToList())
        {
            if (!args.TryGetValue(prefix + key, out var given))
            {
                continue;
            }

            defaults[key] = value switch
            {
                JsonArray => new JsonArray([.. given.Select(g => (JsonNode)JsonValue.Create(g))]),
                JsonValue v when v.TryGetValue<int>(out _) => int.TryParse(given.Last(), CultureInfo.InvariantCulture, out var number) ? number : 0,
                _ => given.Last(),
            };
        }

        return defaults;
    }
}
