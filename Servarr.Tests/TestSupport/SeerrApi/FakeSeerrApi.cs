using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.SeerrApi;

/// <summary>
/// A stand-in for Seerr's HTTP API (<c>/api/v1</c>), served by Kestrel on 127.0.0.1 at a free port. It keeps Seerr's
/// settings and users in memory, authenticates the API key as user 1 only once a user exists (403 before), creates
/// that user on <c>POST /auth/plex</c> with the Plex account token it knows, and validates every POST/PUT body against
/// seerr-api.yml strictly. The Plex server, the Sonarr/Radarr instances and Tautulli that Seerr would call are simulated
/// by <see cref="World"/>. See <see cref="SeerrApiHandler"/> for the routes.
/// </summary>
public sealed class FakeSeerrApi : IAsyncDisposable
{
    private readonly FakeHttpServer _server;
    private readonly SeerrState _state;

    private FakeSeerrApi(FakeHttpServer server, SeerrState state)
    {
        _server = server;
        _state = state;
    }

    /// <summary>Where the fake listens, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>What Seerr would reach: the Plex server, the *arr instances, Tautulli.</summary>
    public SeerrWorld World => _state.World;

    /// <summary>Every request received, in order, as <c>"METHOD /path?query"</c>, including refused ones.</summary>
    public IReadOnlyList<string> Requests => _state.Snapshot(s => s.Requests.ToList());

    /// <summary>
    /// The requests that change Seerr's state: every POST, PUT and DELETE but the <c>…/test</c> calls, and
    /// <c>GET /settings/plex/library</c> (which saves the libraries' enabled flags).
    /// </summary>
    public IReadOnlyList<string> Writes => [.. Requests.Where(IsWrite)];

    /// <summary>How many users Seerr has.</summary>
    public int Users => _state.Snapshot(s => s.Users.Count);

    /// <summary>A copy of one settings section (<c>plex</c>, <c>tautulli</c>, <c>public</c>, <c>main</c>) or list (<c>sonarr</c>, <c>radarr</c>).</summary>
    public JsonNode Settings(string section) => _state.Snapshot(s => s.Settings[section]!.DeepClone());

    /// <summary>Starts a fake Seerr that accepts <paramref name="apiKey"/> once it has a user.</summary>
    public static async Task<FakeSeerrApi> StartAsync(string apiKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var state = new SeerrState(apiKey);
        return new FakeSeerrApi(await FakeHttpServer.StartAsync(new SeerrApiHandler(state, SeerrApiHandler.Validator).HandleAsync, cancellationToken), state);
    }

    /// <summary>Changes a settings entry by hand (as in Seerr's UI), to simulate drift.</summary>
    public void Edit(string section, Action<JsonNode> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        _state.Snapshot(s =>
        {
            edit(s.Settings[section]!);
            return 0;
        });
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static bool IsWrite(string request) =>
        request.StartsWith("GET /api/v1/settings/plex/library", StringComparison.Ordinal)
        || (!request.StartsWith("GET ", StringComparison.Ordinal) && !request.Split('?')[0].EndsWith("/test", StringComparison.Ordinal));
}

/// <summary>What the fake Seerr reaches, set before a test configures it.</summary>
public sealed class SeerrWorld
{
    /// <summary>The Plex account token plex.tv accepts (the owner's).</summary>
    public string PlexAccountToken { get; set; } = "plex-owner-token";

    /// <summary>Where Seerr reaches the Plex server, e.g. <c>plex:32400</c>.</summary>
    public string PlexAddress { get; set; } = "plex:32400";

    /// <summary>The Plex server's libraries: key, title, type (Seerr keeps <c>movie</c> and <c>show</c>).</summary>
    public List<(string Key, string Title, string Type)> PlexLibraries { get; } = [("1", "Movies", "movie"), ("2", "TV Shows", "show"), ("3", "Music", "artist")];

    /// <summary>The Sonarr/Radarr instances by <c>host:port</c>: their API key and quality profiles (id, name).</summary>
    public Dictionary<string, (string ApiKey, (int Id, string Name)[] Profiles)> Arrs { get; } = [];

    /// <summary>Tautulli by <c>host:port</c>, with its API key.</summary>
    public Dictionary<string, string> Tautullis { get; } = [];
}
