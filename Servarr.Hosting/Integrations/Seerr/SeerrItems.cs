using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Seerr's first user, its admin: created from the Plex server's token when the API key acts as nobody yet. Seerr's
/// <c>POST /api/v1/auth/plex</c> (seerr-team/seerr: server/routes/auth.ts) asks plex.tv for the token's account
/// (<c>PlexTvAPI.getUser</c>, <c>GET https://plex.tv/users/account.json</c> in server/api/plextv.ts) and, when no user
/// exists, saves that account as an ADMIN user with its Plex token and sets <c>main.mediaServerType</c> to Plex. So Seerr
/// must reach plex.tv here, and the token must be an account token: the server's <c>PlexOnlineToken</c> is its owner's.
/// </summary>
internal sealed class SeerrAdminItem(SeerrApi api, Func<CancellationToken, Task<string>> plexToken, string plex)
    : ConfigurationItem("admin user", plex)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        if (await api.HasUserAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var token = await plexToken(cancellationToken).ConfigureAwait(false);
        return new ConfigurationChange($"no user yet: the account that owns Plex '{Name}' becomes Seerr's admin", async ct =>
        {
            await api.SignInWithPlexAsync(token, ct).ConfigureAwait(false);
            if (!await api.HasUserAsync(ct).ConfigureAwait(false))
            {
                throw new ConfigurationException("POST /api/v1/auth/plex succeeded, but Seerr's API key still acts as nobody (user 1 is missing)");
            }
        });
    }
}

/// <summary>
/// Seerr's Tautulli (<c>GET/POST /api/v1/settings/tautulli</c>, body <c>TautulliSettings</c>): host, port, TLS and API key.
/// Seerr returns the key as stored (server/routes/settings/index.ts: <c>res.status(200).json(settings.tautulli)</c>), so
/// it is compared, and only named in the description. Seerr merges the body into its settings and saves them only once
/// it reached Tautulli 2.9 or newer (<c>getInfo</c>); otherwise it answers 500 "Unable to connect to Tautulli.".
/// </summary>
internal sealed class SeerrTautulliItem(SeerrApi api, string name, string hostname, int port, Func<CancellationToken, ValueTask<string?>> apiKey)
    : ConfigurationItem("tautulli", name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var key = await apiKey(cancellationToken).ConfigureAwait(false) ?? throw new ConfigurationException($"Tautulli '{Name}' has no API key value");
        var have = await api.GetAsync("settings/tautulli", cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
        var differences = new List<string>();
        SeerrValues.Compare(differences, have, "hostname", hostname);
        SeerrValues.Compare(differences, have, "port", port);
        SeerrValues.Compare(differences, have, "useSsl", false);
        if (SeerrValues.Text(have, "apiKey") != key)
        {
            differences.Add("apiKey differs");
        }

        if (differences.Count == 0)
        {
            return null;
        }

        var body = new JsonObject { ["hostname"] = hostname, ["port"] = port, ["useSsl"] = false, ["apiKey"] = key };
        return new ConfigurationChange(SeerrValues.Hostname(have) is null ? "missing" : string.Join("; ", differences),
            ct => api.PostAsync("settings/tautulli", body, ct));
    }
}

/// <summary>
/// Ends Seerr's setup wizard: <c>POST /api/v1/settings/initialize</c> while <c>GET /api/v1/settings/public</c> says
/// <c>initialized: false</c> (server/routes/settings/index.ts; until then every page redirects to <c>/setup</c>,
/// src/pages/_app.tsx). With a Plex server referenced, it waits until Seerr has one (a <c>machineId</c>), as the wizard does.
/// </summary>
internal sealed class SeerrInitializeItem(SeerrApi api, bool needsPlex) : ConfigurationItem("setup", "initialized")
{
    /// <summary>Seerr answers every page with its <c>/setup</c> until <c>public.initialized</c> is true.</summary>
    public override bool EndsSetupWizard => true;

    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var settings = await api.GetAsync("settings/public", cancellationToken).ConfigureAwait(false);
        if (settings["initialized"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            return null;
        }

        if (needsPlex && SeerrValues.Text(await api.GetAsync("settings/plex", cancellationToken).ConfigureAwait(false), "machineId") is null or "")
        {
            throw new ConfigurationWaitException("Seerr's setup ends once its Plex server is set (the 'plex server' item)");
        }

        return new ConfigurationChange("the setup wizard is still shown", ct => api.PostAsync("settings/initialize", null, ct));
    }
}

/// <summary>Reading and comparing values of Seerr's settings objects.</summary>
internal static class SeerrValues
{
    public static string? Text(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    public static string? Hostname(JsonObject settings) => Text(settings, "hostname") is { Length: > 0 } host ? host : null;

    /// <summary>Adds "<paramref name="property"/> is X, the model says Y" when the stored value differs from <paramref name="want"/>.</summary>
    public static void Compare(List<string> differences, JsonObject have, string property, JsonNode? want)
    {
        var stored = have[property];
        if (!JsonNode.DeepEquals(Normal(stored), Normal(want)))
        {
            differences.Add($"{property} is {Show(stored)}, the model says {Show(want)}");
        }
    }

    /// <summary>Numbers compared as numbers (Seerr may store 8989 or 8989.0), null and absent alike.</summary>
    private static JsonNode? Normal(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? JsonValue.Create(decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)) : node?.DeepClone();

    private static string Show(JsonNode? node) => node is null ? "unset" : node.ToJsonString();
}
