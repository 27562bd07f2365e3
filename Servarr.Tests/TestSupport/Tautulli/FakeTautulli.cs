using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.Tautulli;

/// <summary>
/// A stand-in for Tautulli v2.17.2's API v2 and the two web handlers its setup wizard posts to, with its state in memory
/// and its refusals (see <see cref="TautulliHandler"/>). Starts as a fresh Tautulli: wizard not done
/// (<c>first_run_complete</c> 0), <c>pms_ip</c> 127.0.0.1, no token, no newsletter; one checkbox setting
/// (<c>monitor_pms_updates</c>) is on, so a save that resets checkboxes shows.
/// </summary>
public sealed class FakeTautulli : IAsyncDisposable
{
    private readonly FakeHttpServer _server;

    private FakeTautulli(FakeHttpServer server, TautulliState state)
    {
        _server = server;
        State = state;
    }

    /// <summary>Where the fake listens.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The settings, newsletters, libraries and request log; tests change it to simulate drift.</summary>
    public TautulliState State { get; }

    /// <summary>
    /// Starts a fake whose configured API key is <paramref name="apiKey"/> (Tautulli refuses every API call when it is not
    /// 32 characters long) and which finds a Plex server at <paramref name="plexHost"/>:32400.
    /// </summary>
    public static async Task<FakeTautulli> StartAsync(string apiKey, string plexHost, CancellationToken cancellationToken)
    {
        var state = new TautulliState(apiKey, plexHost);
        var handler = new TautulliHandler(state);
        return new FakeTautulli(await FakeHttpServer.StartAsync(handler.HandleAsync, cancellationToken), state);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>What a <see cref="FakeTautulli"/> holds.</summary>
public sealed class TautulliState(string apiKey, string plexHost)
{
    private readonly Lock _lock = new();

    public string ApiKey { get; } = apiKey;

    /// <summary>Where get_server_id finds Plex (host, port 32400) and the identifier it answers.</summary>
    public string PlexHost { get; } = plexHost;

    public const string PlexIdentifier = "plex-machine-identifier-0123";

    /// <summary>The web login (http_password) is set: the web handlers then demand a session.</summary>
    public bool LoginEnabled { get; set; }

    /// <summary>config.ini: section → key → value (ints as ints), as Tautulli keeps it in memory.</summary>
    public Dictionary<string, JsonObject> Config { get; } = new()
    {
        ["General"] = new JsonObject { ["first_run_complete"] = 0, ["api_enabled"] = 1, ["monitor_pms_updates"] = 1 },
        ["PMS"] = new JsonObject
        {
            ["pms_ip"] = "127.0.0.1", ["pms_port"] = 32400, ["pms_ssl"] = 0, ["pms_token"] = "", ["pms_identifier"] = "",
            ["pms_is_cloud"] = 0, ["pms_url_manual"] = 0,
        },
    };

    /// <summary>The newsletters table: id → row (config and email_config as objects, the password in clear).</summary>
    public SortedDictionary<int, JsonObject> Newsletters { get; } = [];

    /// <summary>The library sections Tautulli knows (<c>get_library_names</c>).</summary>
    public List<(int Id, string Name, string Type)> Libraries { get; } = [(1, "Movies", "movie"), (2, "TV Shows", "show")];

    /// <summary>Every request, as <c>"METHOD /path cmd"</c>.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The requests that changed something (POSTs of handlers and writing commands).</summary>
    public IEnumerable<string> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. Requests.Where(r => r.StartsWith("POST", StringComparison.Ordinal) && !r.Contains(" get_", StringComparison.Ordinal))];
            }
        }
    }

    public T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }
}
