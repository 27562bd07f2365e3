using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>
/// The providers the fake knows (qBittorrent download clients; Prowlarr's Sonarr/Radarr applications) with their real
/// settings field names in the apps' order, and the checks the OpenAPI document cannot express: implementation and
/// configContract belong together, and every <c>fields[].name</c> is one of the provider's fields.
/// Facts from <c>docs/upstream/configuration-facts.md</c> §2.2 and §3.
/// </summary>
internal static class ProviderCatalog
{
    /// <summary>A provider: implementation, config contract, implementationName, and its fields with default values.</summary>
    internal sealed record Provider(string Implementation, string ConfigContract, string ImplementationName, (string Name, JsonNode? Default)[] Fields);

    // Sonarr/Sonarr @ v4.0.19.2979 : src/NzbDrone.Core/Download/Clients/QBittorrent/QBittorrentSettings.cs
    private static readonly Provider s_sonarrQBittorrent = new("QBittorrent", "QBittorrentSettings", "qBittorrent",
    [
        ("host", "localhost"), ("port", 8080), ("useSsl", false), ("urlBase", null), ("apiKey", null), ("username", null),
        ("password", null), ("tvCategory", "tv-sonarr"), ("tvImportedCategory", null), ("recentTvPriority", 0),
        ("olderTvPriority", 0), ("initialState", 0), ("sequentialOrder", false), ("firstAndLast", false), ("contentLayout", 0),
    ]);

    // Radarr/Radarr @ v6.0.3.10276 : src/NzbDrone.Core/Download/Clients/QBittorrent/QBittorrentSettings.cs (no apiKey field)
    private static readonly Provider s_radarrQBittorrent = new("QBittorrent", "QBittorrentSettings", "qBittorrent",
    [
        ("host", "localhost"), ("port", 8080), ("useSsl", false), ("urlBase", null), ("username", null), ("password", null),
        ("movieCategory", "radarr"), ("movieImportedCategory", null), ("recentMoviePriority", 0), ("olderMoviePriority", 0),
        ("initialState", 0), ("sequentialOrder", false), ("firstAndLast", false), ("contentLayout", 0),
    ]);

    // Prowlarr/Prowlarr @ 0ffcfccf1df3 : src/NzbDrone.Core/Applications/Sonarr/SonarrSettings.cs:25-50
    private static readonly Provider s_prowlarrSonarr = new("Sonarr", "SonarrSettings", "Sonarr",
    [
        ("prowlarrUrl", "http://localhost:9696"), ("baseUrl", "http://localhost:8989"), ("apiKey", null),
        ("syncCategories", new JsonArray(5000, 5010, 5020, 5030, 5040, 5045, 5050, 5090)), ("animeSyncCategories", new JsonArray(5070)),
        ("syncAnimeStandardFormatSearch", true), ("syncRejectBlocklistedTorrentHashesWhileGrabbing", false),
    ]);

    // Prowlarr/Prowlarr @ 0ffcfccf1df3 : src/NzbDrone.Core/Applications/Radarr/RadarrSettings.cs:26-44
    private static readonly Provider s_prowlarrRadarr = new("Radarr", "RadarrSettings", "Radarr",
    [
        ("prowlarrUrl", "http://localhost:9696"), ("baseUrl", "http://localhost:7878"), ("apiKey", null),
        ("syncCategories", new JsonArray(2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060, 2070, 2080, 2090)),
        ("syncRejectBlocklistedTorrentHashesWhileGrabbing", false),
    ]);

    /// <summary>The providers an app's collection accepts.</summary>
    public static Provider[] For(ArrApp app, string collection) => (app, collection) switch
    {
        (ArrApp.Sonarr, ArrCollections.DownloadClients) => [s_sonarrQBittorrent],
        (ArrApp.Radarr, ArrCollections.DownloadClients) => [s_radarrQBittorrent],
        (ArrApp.Prowlarr, ArrCollections.Applications) => [s_prowlarrSonarr, s_prowlarrRadarr],
        _ => [],
    };

    /// <summary>Checks a provider resource (already valid against the OpenAPI schema) and finds its provider.</summary>
    public static Provider? Check(ArrApp app, string collection, JsonObject body, List<ArrValidationFailure> failures)
    {
        var known = For(app, collection);
        var implementation = body["implementation"]?.GetValue<string>();
        var contract = body["configContract"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(body["name"]?.GetValue<string>()))
        {
            // Inferred: the apps' ProviderControllerBase requires a name (not re-read from source here).
            failures.Add(new("name", "'Name' must not be empty."));
        }

        var provider = known.FirstOrDefault(p => p.Implementation == implementation);
        if (provider is null)
        {
            failures.Add(new("implementation",
                $"'{implementation}' is not an implementation this fake knows for {collection} (known: {string.Join(", ", known.Select(p => p.Implementation))}; names are case-sensitive)"));
            return null;
        }

        if (contract != provider.ConfigContract)
        {
            failures.Add(new("configContract", $"implementation {provider.Implementation} needs configContract {provider.ConfigContract}, not '{contract}'"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, index) in (body["fields"]?.AsArray() ?? []).Select((f, i) => (f, i)))
        {
            var name = field?["name"]?.GetValue<string>();
            if (name is null || !provider.Fields.Any(f => f.Name == name))
            {
                failures.Add(new($"fields[{index}].name",
                    $"'{name}' is not a field of {provider.ConfigContract} ({string.Join(", ", provider.Fields.Select(f => f.Name))})"));
            }
            else if (!names.Add(name))
            {
                failures.Add(new($"fields[{index}].name", $"field '{name}' is given twice"));
            }
        }

        if (provider.ConfigContract is "SonarrSettings" or "RadarrSettings" && string.IsNullOrEmpty(FieldValue(body, "apiKey")?.ToString()))
        {
            // SonarrSettings.cs:13-15 / RadarrSettings.cs: RuleFor(c => c.ApiKey).NotEmpty().
            failures.Add(new("ApiKey", "'API Key' must not be empty."));
        }

        return provider;
    }

    /// <summary>
    /// The resource as the app would store and return it: every field of the provider in the app's order, the sent value
    /// or the default; <c>implementationName</c> set. (Labels, help texts and select options are not reproduced.)
    /// </summary>
    public static void Normalise(JsonObject body, Provider provider)
    {
        var fields = new JsonArray();
        foreach (var ((name, defaultValue), order) in provider.Fields.Select((f, i) => (f, i)))
        {
            var sent = body["fields"]?.AsArray().FirstOrDefault(f => f?["name"]?.GetValue<string>() == name);
            var value = sent is not null ? sent["value"]?.DeepClone() : defaultValue?.DeepClone();
            fields.Add(new JsonObject { ["order"] = order, ["name"] = name, ["value"] = value });
        }

        body["fields"] = fields;
        body["implementationName"] = provider.ImplementationName;
        body["tags"] ??= new JsonArray();
    }

    private static JsonNode? FieldValue(JsonObject body, string name) =>
        body["fields"]?.AsArray().FirstOrDefault(f => f?["name"]?.GetValue<string>() == name)?["value"];
}
