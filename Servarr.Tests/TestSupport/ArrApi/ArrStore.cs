using System.Text.Json.Nodes;

namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>
/// The in-memory state of a fake app: collections of JSON resources with ids from 1, never reused after a delete
/// (inferred from the apps' SQLite tables), and a request log. Thread-safe; readers get copies.
/// </summary>
internal sealed class ArrStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<int, JsonObject>> _collections;
    private readonly Dictionary<string, int> _lastIds;
    private readonly List<string> _requests = [];

    public ArrStore(IEnumerable<string> collections)
    {
        _collections = collections.ToDictionary(c => c, _ => new SortedDictionary<int, JsonObject>(), StringComparer.Ordinal);
        _lastIds = _collections.Keys.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
    }

    public bool Has(string collection) => _collections.ContainsKey(collection);

    public void Log(string request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<JsonObject> All(string collection)
    {
        lock (_lock)
        {
            return [.. Collection(collection).Values.Select(r => r.DeepClone().AsObject())];
        }
    }

    public JsonObject? Get(string collection, int id)
    {
        lock (_lock)
        {
            return Collection(collection).TryGetValue(id, out var resource) ? resource.DeepClone().AsObject() : null;
        }
    }

    /// <summary>Stores a new resource under the next id (set into it) and returns a copy.</summary>
    public JsonObject Add(string collection, JsonObject resource)
    {
        lock (_lock)
        {
            var id = ++_lastIds[collection];
            var stored = resource.DeepClone().AsObject();
            stored["id"] = id;
            Collection(collection)[id] = stored;
            return stored.DeepClone().AsObject();
        }
    }

    /// <summary>Replaces the resource <paramref name="id"/>; false when there is none.</summary>
    public bool Replace(string collection, int id, JsonObject resource)
    {
        lock (_lock)
        {
            var items = Collection(collection);
            if (!items.ContainsKey(id))
            {
                return false;
            }

            var stored = resource.DeepClone().AsObject();
            stored["id"] = id;
            items[id] = stored;
            return true;
        }
    }

    /// <summary>Changes the stored resource <paramref name="id"/> in place; false when there is none.</summary>
    public bool Edit(string collection, int id, Action<JsonObject> edit)
    {
        lock (_lock)
        {
            if (!Collection(collection).TryGetValue(id, out var resource))
            {
                return false;
            }

            edit(resource);
            resource["id"] = id;
            return true;
        }
    }

    public bool Remove(string collection, int id)
    {
        lock (_lock)
        {
            return Collection(collection).Remove(id);
        }
    }

    private SortedDictionary<int, JsonObject> Collection(string collection) =>
        _collections.TryGetValue(collection, out var items)
            ? items
            : throw new ArgumentException($"this fake keeps no collection '{collection}' (it keeps {string.Join(", ", _collections.Keys)})", nameof(collection));
}
