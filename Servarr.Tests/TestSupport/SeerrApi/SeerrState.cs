using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.SeerrApi;

/// <summary>
/// A fake Seerr's memory: its settings.json sections as Seerr's defaults have them (seerr-team/seerr:
/// server/lib/settings/index.ts — <c>plex</c> {name '', ip '', port 32400, useSsl false, libraries []}, empty
/// <c>tautulli</c>, no <c>sonarr</c>/<c>radarr</c>, <c>public.initialized</c> false, <c>main.mediaServerType</c> 4 = not
/// configured), its users, and the requests it received. One lock guards all of it.
/// </summary>
internal sealed class SeerrState(string apiKey)
{
    private readonly Lock _lock = new();

    public string ApiKey { get; } = apiKey;

    public SeerrWorld World { get; } = new();

    public List<string> Requests { get; } = [];

    public List<JsonObject> Users { get; } = [];

    public JsonObject Settings { get; } = new()
    {
        ["main"] = new JsonObject { ["mediaServerType"] = 4 },
        ["plex"] = new JsonObject { ["name"] = "", ["ip"] = "", ["port"] = 32400, ["useSsl"] = false, ["libraries"] = new JsonArray() },
        ["tautulli"] = new JsonObject(),
        ["sonarr"] = new JsonArray(),
        ["radarr"] = new JsonArray(),
        ["public"] = new JsonObject { ["initialized"] = false },
    };

    public T Snapshot<T>(Func<SeerrState, T> read)
    {
        lock (_lock)
        {
            return read(this);
        }
    }
}
