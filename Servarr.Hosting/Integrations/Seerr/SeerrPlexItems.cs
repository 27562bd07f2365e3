using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Seerr's Plex server (<c>GET/POST /api/v1/settings/plex</c>, body <c>PlexSettings</c>): where Seerr reaches Plex (its
/// in-network host, port 32400, no TLS). Seerr merges the body into its settings, calls the server with the admin's Plex
/// token and stores the server's <c>machineIdentifier</c> and <c>friendlyName</c> as <c>machineId</c> and <c>name</c>
/// (seerr-team/seerr: server/routes/settings/index.ts, <c>settingsRoutes.post('/plex'</c>); both are read-only in the
/// document, so only <c>ip</c>, <c>port</c> and <c>useSsl</c> are sent and compared. No <c>machineId</c> yet: missing.
/// </summary>
internal sealed class SeerrPlexServerItem(SeerrApi api, string plex, string ip, int port) : ConfigurationItem("plex server", plex)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var have = await api.GetAsync("settings/plex", cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
        var body = new JsonObject { ["ip"] = ip, ["port"] = port, ["useSsl"] = false };
        if (SeerrValues.Text(have, "machineId") is null or "")
        {
            return new ConfigurationChange("missing", ct => api.PostAsync("settings/plex", body, ct));
        }

        var differences = new List<string>();
        SeerrValues.Compare(differences, have, "ip", ip);
        SeerrValues.Compare(differences, have, "port", port);
        if (have["useSsl"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            differences.Add("useSsl is true, the model says false");
        }

        return differences.Count == 0 ? null : new ConfigurationChange(string.Join("; ", differences), ct => api.PostAsync("settings/plex", body, ct));
    }
}

/// <summary>
/// Seerr's Plex libraries: every movie and show library of the server enabled (Seerr lists only those, with a metadata
/// agent: <c>PlexAPI.syncLibraries</c> in server/api/plexapi.ts). Compared on <c>GET /api/v1/settings/plex</c>'s
/// <c>libraries</c>, never on <c>GET /settings/plex/library</c>: that route disables every library not named in its
/// <c>enable</c> query and saves (server/routes/settings/index.ts, <c>settingsRoutes.get('/plex/library'</c>). Applied as
/// <c>?sync=true</c> (reads the server's libraries) then <c>?enable=&lt;ids&gt;</c> with all of them.
/// </summary>
internal sealed class SeerrPlexLibrariesItem(SeerrApi api, string plex) : ConfigurationItem("plex libraries", plex)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var libraries = (await api.GetAsync("settings/plex", cancellationToken).ConfigureAwait(false))["libraries"] as JsonArray ?? [];
        var disabled = libraries.OfType<JsonObject>().Where(l => l["enabled"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            .Select(l => $"'{SeerrValues.Text(l, "name")}'").ToList();
        if (libraries.Count > 0 && disabled.Count == 0)
        {
            return null;
        }

        return new ConfigurationChange(libraries.Count == 0 ? "no library read from Plex yet" : $"disabled: {string.Join(", ", disabled)}", ApplyAsync);
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var synced = await api.GetAsync("settings/plex/library?sync=true", cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        var ids = synced.OfType<JsonObject>().Select(l => SeerrValues.Text(l, "id")).OfType<string>().ToList();
        if (ids.Count == 0)
        {
            throw new ConfigurationWaitException(
                $"Seerr finds no movie or show library in Plex '{Name}' (or cannot reach it): add a library in Plex's web UI, with an agent");
        }

        var enable = string.Join(',', ids.Select(Uri.EscapeDataString));
        var enabled = await api.GetAsync($"settings/plex/library?enable={enable}", cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        if (enabled.OfType<JsonObject>().Any(l => l["enabled"]?.GetValueKind() != System.Text.Json.JsonValueKind.True))
        {
            throw new ConfigurationException($"GET /api/v1/settings/plex/library?enable={enable}: Seerr kept some libraries disabled");
        }
    }
}
