using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// A Sonarr or Radarr server in Seerr (<c>GET/POST /api/v1/settings/{sonarr|radarr}</c>, <c>PUT …/{id}</c>; bodies
/// <c>SonarrSettings</c>/<c>RadarrSettings</c> of seerr-api.yml), found by name, else by host and port. Compared on what
/// the model decides — name, host, port, TLS, API key (Seerr returns it as stored: server/routes/settings/sonarr.ts
/// <c>res.status(200).json(settings.sonarr)</c>; only named in the description), quality profile (by name), root folder,
/// not 4K, default server — and updated with the model's values over the entry's others, since Seerr's PUT replaces the
/// entry with the body (<c>settings.sonarr[index] = {...req.body, id}</c>). The profile's id comes from
/// <c>POST …/test</c> (<c>profiles</c>, server/routes/settings/sonarr.ts), which Seerr answers by calling the app.
/// </summary>
internal sealed class SeerrServiceItem(SeerrApi api, SeerrService service, Func<CancellationToken, ValueTask<string?>> apiKey)
    : ConfigurationItem($"{service.Collection} server", service.Name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var key = await apiKey(cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigurationException($"{service.Collection} '{Name}' has no API key value");
        var entries = (await api.GetAsync($"settings/{service.Collection}", cancellationToken).ConfigureAwait(false) as JsonArray ?? []).OfType<JsonObject>().ToList();
        var existing = entries.FirstOrDefault(e => string.Equals(SeerrValues.Text(e, "name"), Name, StringComparison.OrdinalIgnoreCase))
            ?? entries.FirstOrDefault(e => SeerrValues.Text(e, "hostname") == service.Hostname && e["port"]?.ToJsonString() == service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (existing is null)
        {
            return new ConfigurationChange("missing", async ct =>
                await api.PostAsync($"settings/{service.Collection}", await DesiredAsync(New(), key, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
        }

        var differences = new List<string>();
        foreach (var (property, value) in Compared())
        {
            SeerrValues.Compare(differences, existing, property, value);
        }

        if (SeerrValues.Text(existing, "apiKey") != key)
        {
            differences.Add("apiKey differs");
        }

        if (differences.Count == 0)
        {
            return null;
        }

        var id = existing["id"]?.ToJsonString() ?? throw new ConfigurationException($"GET /api/v1/settings/{service.Collection}: the entry '{Name}' has no id");
        var kept = existing.DeepClone().AsObject();
        kept.Remove("id"); // read-only in the document: the route's id is the entry's
        return new ConfigurationChange(string.Join("; ", differences), async ct =>
            await api.PutAsync($"settings/{service.Collection}/{id}", await DesiredAsync(kept, key, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
    }

    /// <summary>What the model decides about the entry, compared and always written.</summary>
    private IEnumerable<(string Property, JsonNode? Value)> Compared() =>
    [
        ("name", Name), ("hostname", service.Hostname), ("port", service.Port), ("useSsl", false),
        ("activeProfileName", service.QualityProfile), ("activeDirectory", service.RootFolder), ("is4k", false), ("isDefault", service.IsDefault),
    ];

    /// <summary>
    /// A new entry's other settings, written once (yours to change afterwards): Seerr's UI defaults (src/components/Settings/
    /// SonarrModal and RadarrModal: <c>minimumAvailability</c> 'released', search on, scan off), season folders on, no tags.
    /// <c>tags</c>, <c>tagRequests</c> and <c>monitorNewItems</c> are server/lib/settings/index.ts's, not the document's.
    /// </summary>
    private JsonObject New()
    {
        var entry = new JsonObject { ["baseUrl"] = "", ["syncEnabled"] = false, ["preventSearch"] = false, ["tags"] = new JsonArray(), ["tagRequests"] = false };
        if (service.Collection == SeerrService.Sonarr)
        {
            entry["enableSeasonFolders"] = true;
            entry["monitorNewItems"] = "all";
        }
        else
        {
            entry["minimumAvailability"] = "released";
        }

        return entry;
    }

    private async Task<JsonObject> DesiredAsync(JsonObject entry, string key, CancellationToken cancellationToken)
    {
        foreach (var (property, value) in Compared())
        {
            entry[property] = value?.DeepClone();
        }

        entry["apiKey"] = key;
        entry["activeProfileId"] = await ProfileIdAsync(entry, key, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>The id of the quality profile named <see cref="SeerrService.QualityProfile"/>, as Seerr reads it from the app.</summary>
    private async Task<int> ProfileIdAsync(JsonObject entry, string key, CancellationToken cancellationToken)
    {
        var test = new JsonObject
        {
            ["hostname"] = service.Hostname, ["port"] = service.Port, ["apiKey"] = key, ["useSsl"] = false,
            ["baseUrl"] = SeerrValues.Text(entry, "baseUrl") ?? "",
        };
        var profiles = (await api.PostAsync($"settings/{service.Collection}/test", test, cancellationToken).ConfigureAwait(false))["profiles"] as JsonArray ?? [];
        var names = profiles.OfType<JsonObject>().Select(p => SeerrValues.Text(p, "name")).OfType<string>().ToList();
        var match = profiles.OfType<JsonObject>().FirstOrDefault(p => string.Equals(SeerrValues.Text(p, "name"), service.QualityProfile, StringComparison.OrdinalIgnoreCase));
        return match?["id"]?.GetValue<int>() ?? throw new ConfigurationException(
            $"quality profile '{service.QualityProfile}' is not in {service.Collection} '{Name}', which has {(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"'{n}'")))}: name one of them with seerr.WithQualityProfile(\"...\")");
    }
}

/// <summary>A Sonarr or Radarr as Seerr reaches it.</summary>
/// <param name="Collection"><see cref="Sonarr"/> or <see cref="Radarr"/>: the settings route and the kind of server.</param>
/// <param name="Name">The app's resource name, also the entry's name in Seerr.</param>
/// <param name="Hostname">Where Seerr reaches it: the VPN gateway's name for an app behind one (<c>gluetun</c>).</param>
/// <param name="Port">Its port inside the network.</param>
/// <param name="QualityProfile">The quality profile's name, e.g. <c>HD-1080p</c>.</param>
/// <param name="RootFolder">The root folder new series or movies go to.</param>
/// <param name="IsDefault">Whether it is Seerr's default server of its kind (the first referenced one; Seerr keeps one).</param>
internal sealed record SeerrService(string Collection, string Name, string Hostname, int Port, string QualityProfile, string RootFolder, bool IsDefault)
{
    public const string Sonarr = "sonarr";

    public const string Radarr = "radarr";
}
