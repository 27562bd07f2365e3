using System.Globalization;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Maintainerr's Plex server. Read from <c>GET /api/settings</c>, which masks the token as its first and last three
/// characters (<c>abc...xyz</c>, packages/contracts/src/app/maskSecret.ts), so the token is compared in that form. A change
/// first stores the token (<c>POST /api/settings/plex/token {plex_auth_token}</c>) — Maintainerr refuses Plex server
/// settings until one is stored — then <c>POST /api/settings</c> with <c>media_server_type</c> <c>plex</c>,
/// <c>plex_name</c>, <c>plex_hostname</c>, <c>plex_port</c>, <c>plex_ssl</c> (Maintainerr/Maintainerr@v3.24.0
/// settings-operations.service.ts <c>savePlexApiAuthToken</c>, <c>updateSettings</c>; packages/contracts/src/settings/settings.ts).
/// </summary>
internal sealed class MaintainerrPlexItem(MaintainerrApi api, AppConfigurationContext context, PlexResource plex) : ConfigurationItem("Plex server", plex.Name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var token = await PlexToken.ReadAsync(context, plex, cancellationToken).ConfigureAwait(false);
        var settings = await api.GetAsync("api/settings", cancellationToken).ConfigureAwait(false);
        var host = InNetworkAddress.HostFor(plex, context.Resource);
        var port = plex.FindEndpoint(PlexResource.PrimaryEndpointName)?.TargetPort ?? PlexBuilderExtensions.PlexPort;
        var differences = new List<string>();
        foreach (var (name, want) in new (string, string)[]
        {
            ("media_server_type", "plex"), ("plex_name", plex.Name), ("plex_hostname", host),
            ("plex_port", port.ToString(CultureInfo.InvariantCulture)), ("plex_ssl", "0"),
        })
        {
            var have = MaintainerrValues.Text(settings?[name]);
            if (have != want)
            {
                differences.Add($"{name} is {(have is null ? "unset" : $"'{have}'")}, the model says '{want}'");
            }
        }

        var storedToken = MaintainerrValues.Text(settings?["plex_auth_token"]);
        if (storedToken != MaintainerrValues.Mask(token))
        {
            differences.Add(string.IsNullOrEmpty(storedToken) ? "plex_auth_token is unset" : "plex_auth_token is another token");
        }

        return differences.Count == 0 ? null : new ConfigurationChange(string.Join("; ", differences), async ct =>
        {
            await api.PostAsync("api/settings/plex/token", new JsonObject { ["plex_auth_token"] = token }, ct).ConfigureAwait(false);
            await api.PostAsync("api/settings", new JsonObject
            {
                ["media_server_type"] = "plex", ["plex_name"] = plex.Name, ["plex_hostname"] = host, ["plex_port"] = port, ["plex_ssl"] = 0,
            }, ct).ConfigureAwait(false);
        });
    }
}

/// <summary>
/// A single-connection service of Maintainerr — Seerr or Tautulli — read with <c>GET /api/settings/&lt;service&gt;</c>
/// (<c>{url, api_key}</c>, the key unmasked) and saved with <c>POST</c> of the same shape (settings.controller.ts
/// <c>getSeerrSetting</c>, <c>getTautulliSetting</c>; packages/contracts/src/settings/seerr/seerrSetting.ts,
/// tautulli/tautulliSetting.ts). The key is compared, never shown.
/// </summary>
internal sealed class MaintainerrServiceItem(MaintainerrApi api, string service, Func<CancellationToken, ValueTask<(string Url, string ApiKey)>> desired,
    string name) : ConfigurationItem($"{service} server", name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var (url, key) = await desired(cancellationToken).ConfigureAwait(false);
        var setting = await api.GetAsync($"api/settings/{service}", cancellationToken).ConfigureAwait(false);
        var differences = MaintainerrValues.Differences(MaintainerrValues.Text(setting?["url"]), url, MaintainerrValues.Text(setting?["api_key"]) == key, "api_key");
        return differences.Count == 0 ? null : new ConfigurationChange(string.Join("; ", differences),
            ct => api.PostAsync($"api/settings/{service}", new JsonObject { ["url"] = url, ["api_key"] = key }, ct));
    }
}

/// <summary>
/// A Sonarr or Radarr server of Maintainerr, found by <c>serverName</c> in <c>GET /api/settings/sonarr|radarr</c> (the
/// stored rows <c>{id, serverName, url, apiKey}</c>, entities/sonarr_settings.entities.ts); missing: <c>POST</c>, different:
/// <c>PUT …/:id</c>, both <c>{serverName, url, apiKey}</c> (servarr/sonarrSetting.ts, radarrSetting.ts).
/// </summary>
internal sealed class MaintainerrArrItem(MaintainerrApi api, string service, Func<CancellationToken, ValueTask<(string Url, string ApiKey)>> desired,
    string name) : ConfigurationItem($"{service} server", name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var (url, key) = await desired(cancellationToken).ConfigureAwait(false);
        var rows = await api.GetAsync($"api/settings/{service}", cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        var body = new JsonObject { ["serverName"] = Name, ["url"] = url, ["apiKey"] = key };
        var existing = rows.FirstOrDefault(r => string.Equals(MaintainerrValues.Text(r?["serverName"]), Name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            return new ConfigurationChange("missing", ct => api.PostAsync($"api/settings/{service}", body, ct));
        }

        var differences = MaintainerrValues.Differences(MaintainerrValues.Text(existing["url"]), url, MaintainerrValues.Text(existing["apiKey"]) == key, "apiKey");
        var id = MaintainerrValues.Text(existing["id"]);
        return differences.Count == 0 ? null
            : new ConfigurationChange(string.Join("; ", differences), ct => api.PutAsync($"api/settings/{service}/{id}", body, ct));
    }
}

/// <summary>Reading Maintainerr's JSON.</summary>
internal static class MaintainerrValues
{
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    /// <summary>How Maintainerr shows a secret: <c>****</c> up to six characters, else the first and last three around <c>...</c>.</summary>
    public static string Mask(string secret) => secret.Length == 0 ? "" : secret.Length <= 6 ? "****" : $"{secret[..3]}...{secret[^3..]}";

    /// <summary>The URL's difference (Maintainerr strips trailing slashes and may lower-case it) and whether the key differs.</summary>
    public static List<string> Differences(string? haveUrl, string wantUrl, bool sameKey, string keyField)
    {
        var differences = new List<string>();
        if (!string.Equals(haveUrl?.TrimEnd('/'), wantUrl, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"url is {(haveUrl is null ? "unset" : $"'{haveUrl}'")}, the model says '{wantUrl}'");
        }

        if (!sameKey)
        {
            differences.Add($"{keyField} differs");
        }

        return differences;
    }
}
