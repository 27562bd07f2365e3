using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.Maintainerr;

/// <summary>
/// A stand-in for Maintainerr v3.24.0's settings API with its state in memory and its refusals (see
/// <see cref="MaintainerrHandler"/>). Starts as a fresh Maintainerr: one settings row with no media server, no token and no
/// services, no Sonarr or Radarr servers.
/// </summary>
public sealed class FakeMaintainerr : IAsyncDisposable
{
    private readonly FakeHttpServer _server;

    private FakeMaintainerr(FakeHttpServer server, MaintainerrState state)
    {
        _server = server;
        State = state;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The settings row, server rows and request log; tests change it to simulate drift.</summary>
    public MaintainerrState State { get; }

    public static async Task<FakeMaintainerr> StartAsync(CancellationToken cancellationToken)
    {
        var state = new MaintainerrState();
        var handler = new MaintainerrHandler(state);
        return new FakeMaintainerr(await FakeHttpServer.StartAsync(handler.HandleAsync, cancellationToken), state);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>What a <see cref="FakeMaintainerr"/> holds (the secrets in clear, as in its database).</summary>
public sealed class MaintainerrState
{
    private readonly Lock _lock = new();

    /// <summary>The settings row (entities/settings.entities.ts, the fields the fake knows).</summary>
    public JsonObject Settings { get; } = new()
    {
        ["id"] = 1, ["clientId"] = "client-0123", ["applicationTitle"] = "Maintainerr", ["applicationUrl"] = "localhost", ["apikey"] = "maint-key",
        ["locale"] = "en", ["media_server_type"] = null, ["plex_name"] = null, ["plex_hostname"] = null, ["plex_port"] = 32400, ["plex_ssl"] = 0,
        ["plex_auth_token"] = null, ["seerr_url"] = null, ["seerr_api_key"] = null, ["tautulli_url"] = null, ["tautulli_api_key"] = null,
        ["collection_handler_job_cron"] = "0 0-23/12 * * *", ["rules_handler_job_cron"] = "0 0-23/8 * * *",
    };

    /// <summary>Server rows by service (<c>sonarr</c>, <c>radarr</c>): <c>{id, serverName, url, apiKey}</c>.</summary>
    public Dictionary<string, List<JsonObject>> Servers { get; } = new() { ["sonarr"] = [], ["radarr"] = [] };

    /// <summary>Every request, as <c>"METHOD /path"</c>.</summary>
    public List<string> Requests { get; } = [];

    public IEnumerable<string> Writes => Locked(() => Requests.Where(r => !r.StartsWith("GET", StringComparison.Ordinal)).ToList());

    public T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }
}
