using System.Globalization;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Tautulli's weekly "recently added" newsletter (agent 0), mailed through its own SMTP settings, found by its friendly
/// name. Missing: added (<c>cmd=add_newsletter_config</c>) and set (<c>cmd=set_newsletter_config</c>); present: compared on
/// its schedule, its libraries (every library Tautulli knows, <c>cmd=get_library_names</c>) and its mail settings, and set
/// again when one differs, keeping its subject, body and message. The SMTP password is sent with every change and never
/// compared (Tautulli returns it masked). Facts: Tautulli/Tautulli@v2.17.2 plexpy/newsletters.py (<c>AGENT_IDS</c>,
/// <c>set_newsletter_config</c>: prefixes <c>newsletter_config_</c> and <c>newsletter_email_</c>, <c>subject</c>,
/// <c>body</c> and <c>message</c> required), plexpy/notifiers.py <c>EMAIL._DEFAULT_CONFIG</c> (<c>tls</c> 1 STARTTLS,
/// 2 SSL/TLS), plexpy/webserve.py <c>get_newsletters</c>, <c>get_newsletter_config</c>.
/// </summary>
internal sealed class TautulliNewsletterItem(TautulliApi api, AppConfigurationContext context, SmtpSettings smtp)
    : ConfigurationItem("newsletter", FriendlyName)
{
    /// <summary>The name Servarr's newsletter has in Tautulli.</summary>
    public const string FriendlyName = "Servarr: recently added";

    private const string RecentlyAddedAgent = "0";
    private const string Cron = "0 0 * * 0"; // Sundays at midnight (the default of Tautulli's newsletters table)

    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        if (await ValueAsync(smtp.Host, cancellationToken).ConfigureAwait(false) is not { Length: > 0 } host)
        {
            return null; // no mail server: the newsletter is off
        }

        var desired = await DesiredAsync(host, cancellationToken).ConfigureAwait(false);
        var newsletters = await api.ReadAsync("get_newsletters", cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        var existing = newsletters.FirstOrDefault(n => (string?)n?["friendly_name"] == FriendlyName && Text(n?["agent_id"]) == RecentlyAddedAgent);
        if (existing is null)
        {
            return new ConfigurationChange("missing", async ct =>
            {
                var added = await api.WriteAsync("add_newsletter_config", [new("agent_id", RecentlyAddedAgent)], ct).ConfigureAwait(false);
                var id = Text(added?["newsletter_id"]) ?? throw new ConfigurationException("cmd=add_newsletter_config: Tautulli returned no newsletter_id");
                await SetAsync(id, desired, null, ct).ConfigureAwait(false);
            });
        }

        var id = Text(existing["id"])!;
        var config = await api.ReadAsync("get_newsletter_config", cancellationToken, ("newsletter_id", id)).ConfigureAwait(false);
        var differences = Differences(config, desired).ToList();
        return differences.Count == 0 ? null
            : new ConfigurationChange(string.Join("; ", differences), ct => SetAsync(id, desired, config, ct));
    }

    private async Task<Desired> DesiredAsync(string host, CancellationToken cancellationToken)
    {
        var portText = await ValueAsync(smtp.Port, cancellationToken).ConfigureAwait(false);
        var port = SmtpSettings.DefaultPort;
        if (portText is { Length: > 0 } && (!int.TryParse(portText, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new ConfigurationException($"parameter {smtp.Port.Resource.Name} is '{portText}', not a port number");
        }

        var libraries = await api.ReadAsync("get_library_names", cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        return new Desired(host, port, await ValueAsync(smtp.Username, cancellationToken).ConfigureAwait(false) ?? "",
            await ValueAsync(smtp.From, cancellationToken).ConfigureAwait(false) ?? "",
            [.. ((await ValueAsync(smtp.To, cancellationToken).ConfigureAwait(false)) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            [.. libraries.Select(l => Text(l?["section_id"])).OfType<string>().Order(StringComparer.Ordinal)]);
    }

    private static IEnumerable<string> Differences(JsonNode? app, Desired model)
    {
        var config = app?["config"];
        var email = app?["email_config"];
        foreach (var (name, have, want) in new (string, string?, string)[]
        {
            ("active", Text(app?["active"]), "1"), ("cron", Text(app?["cron"]), Cron),
            ("time_frame", Text(config?["time_frame"]), "7"), ("time_frame_units", Text(config?["time_frame_units"]), "days"),
            ("formatted", Text(config?["formatted"]), "1"), ("incl_libraries", List(config?["incl_libraries"], sort: true), string.Join(",", model.Libraries)),
            ("notifier_id", Text(email?["notifier_id"]), "0"), ("smtp_server", Text(email?["smtp_server"]), model.Host),
            ("smtp_port", Text(email?["smtp_port"]), model.Port.ToString(CultureInfo.InvariantCulture)), ("tls", Text(email?["tls"]), model.Tls),
            ("smtp_user", Text(email?["smtp_user"]), model.Username), ("from", Text(email?["from"]), model.From),
            ("to", List(email?["to"], sort: false), string.Join(",", model.To)),
        })
        {
            if (have != want)
            {
                yield return $"{name} is {(have is null ? "unset" : $"'{have}'")}, the model says '{want}'";
            }
        }
    }

    private async Task SetAsync(string id, Desired model, JsonNode? existing, CancellationToken cancellationToken)
    {
        var password = await ValueAsync(smtp.Password, cancellationToken).ConfigureAwait(false) ?? "";
        List<KeyValuePair<string, string>> form =
        [
            new("newsletter_id", id), new("agent_id", RecentlyAddedAgent), new("id_name", Text(existing?["id_name"]) ?? ""),
            new("friendly_name", FriendlyName), new("cron", Cron), new("active", "1"),
            // Tautulli's own texts for a new newsletter (newsletters.py RecentlyAdded), the app's for an existing one.
            new("subject", Text(existing?["subject"]) ?? "Recently Added to {server_name}! ({end_date})"),
            new("body", Text(existing?["body"]) ?? "View the newsletter here: {newsletter_url}"),
            new("message", Text(existing?["message"]) ?? ""),
            new("newsletter_config_custom_cron", "0"), new("newsletter_config_time_frame", "7"), new("newsletter_config_time_frame_units", "days"),
            new("newsletter_config_formatted", "1"),
            .. model.Libraries.Select(l => new KeyValuePair<string, string>("newsletter_config_incl_libraries", l)),
            new("newsletter_email_notifier_id", "0"), new("newsletter_email_from_name", "Tautulli Newsletter"), new("newsletter_email_from", model.From),
            .. model.To.Select(t => new KeyValuePair<string, string>("newsletter_email_to", t)),
            new("newsletter_email_smtp_server", model.Host), new("newsletter_email_smtp_port", model.Port.ToString(CultureInfo.InvariantCulture)),
            new("newsletter_email_smtp_user", model.Username), new("newsletter_email_smtp_password", password), new("newsletter_email_tls", model.Tls),
            new("newsletter_email_html_support", "1"),
        ];
        await api.WriteAsync("set_newsletter_config", form, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<string?> ValueAsync(IResourceBuilder<ParameterResource> parameter, CancellationToken cancellationToken) =>
        (await context.Value(parameter.Resource, cancellationToken).ConfigureAwait(false))?.Trim();

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    private static string? List(JsonNode? value, bool sort)
    {
        if (value is not JsonArray array)
        {
            return Text(value);
        }

        var items = array.Select(Text).OfType<string>();
        return string.Join(",", sort ? items.Order(StringComparer.Ordinal) : items);
    }

    /// <summary>What the model says: the mail server (TLS 2 = SSL/TLS on 465, else 1 = STARTTLS), addresses and library ids.</summary>
    private sealed record Desired(string Host, int Port, string Username, string From, IReadOnlyList<string> To, IReadOnlyList<string> Libraries)
    {
        public string Tls => Port == 465 ? "2" : "1";
    }
}
