using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>
/// A stand-in for the HTTP API of Sonarr (v3), Radarr (v3) or Prowlarr (v1), served by Kestrel on 127.0.0.1 at a free
/// port, for testing code that configures the apps through their APIs. It keeps state in memory, checks the API key
/// like the apps, and validates every POST/PUT body against the app's own OpenAPI document (strictly: undeclared
/// properties are errors) and against the provider's real settings field names. See <see cref="ArrApiHandler"/> for
/// the endpoints.
/// </summary>
public sealed class FakeArrApi : IAsyncDisposable
{
    private readonly FakeHttpServer _server;
    private readonly ArrStore _store;

    private FakeArrApi(ArrApp app, FakeHttpServer server, ArrStore store)
    {
        App = app;
        _server = server;
        _store = store;
    }

    /// <summary>The app this fake pretends to be.</summary>
    public ArrApp App { get; }

    /// <summary>Where the fake listens, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request received, in order, as <c>"METHOD /path"</c> (no query string), including refused ones.</summary>
    public IReadOnlyList<string> Requests => _store.Requests;

    /// <summary>The stored download clients (Sonarr/Radarr), copies, ordered by id.</summary>
    public IReadOnlyList<JsonObject> DownloadClients => _store.All(ArrCollections.DownloadClients);

    /// <summary>The stored root folders (Sonarr/Radarr), copies, ordered by id.</summary>
    public IReadOnlyList<JsonObject> RootFolders => _store.All(ArrCollections.RootFolders);

    /// <summary>The stored applications (Prowlarr), copies, ordered by id.</summary>
    public IReadOnlyList<JsonObject> Applications => _store.All(ArrCollections.Applications);

    /// <summary>Starts a fake of <paramref name="app"/> that accepts <paramref name="apiKey"/>.</summary>
    public static async Task<FakeArrApi> StartAsync(ArrApp app, string apiKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var validator = OpenApiBodyValidator.For(ArrCollections.Document(app));
        var (_, collections) = ArrCollections.For(app);
        var store = new ArrStore(collections);

        var handler = new ArrApiHandler(app, apiKey, store, validator);
        return new FakeArrApi(app, await FakeHttpServer.StartAsync(handler.HandleAsync, cancellationToken), store);
    }

    /// <summary>
    /// Stores <paramref name="resource"/> as it is (no validation), as if someone had added it in the app's UI;
    /// returns it with its new id.
    /// </summary>
    public JsonObject Add(string collection, JsonObject resource) => _store.Add(collection, resource);

    /// <summary>Changes a stored resource by hand, to simulate drift. Throws when there is no such resource.</summary>
    public void Edit(string collection, int id, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!_store.Edit(collection, id, edit))
        {
            throw new KeyNotFoundException($"no {collection} with id {id}");
        }
    }

    /// <summary>Deletes a stored resource by hand, to simulate drift. Throws when there is no such resource.</summary>
    public void Remove(string collection, int id)
    {
        if (!_store.Remove(collection, id))
        {
            throw new KeyNotFoundException($"no {collection} with id {id}");
        }
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
