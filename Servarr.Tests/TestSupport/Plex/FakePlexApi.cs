using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Servarr.Tests.TestSupport.Plex;

/// <summary>
/// A stand-in for the library-section part of Plex Media Server's API on 127.0.0.1: <c>X-Plex-Token</c> checked (401
/// otherwise), sections listed as XML (<c>MediaContainer/Directory</c> with <c>Location/@path</c>), created by
/// <c>POST /library/sections</c> (400 when name, type, agent, scanner or location is missing, or the agent does not fit
/// the type; 201 with the new section) and their folders replaced by <c>PUT /library/sections/{key}?agent=&amp;location=</c>
/// (404 for an unknown key). Shapes from pkkid/python-plexapi@4.16.1 plexapi/library.py (Library.add, LibrarySection.edit,
/// LibrarySection._loadData) and plexopedia.com's "Add a library" page (201, 400, 401).
/// </summary>
public sealed class FakePlexApi : IAsyncDisposable
{
    private static readonly Dictionary<string, string[]> s_agents = new(StringComparer.Ordinal)
    {
        ["movie"] = ["tv.plex.agents.movie", "com.plexapp.agents.imdb", "com.plexapp.agents.themoviedb", "com.plexapp.agents.none"],
        ["show"] = ["tv.plex.agents.series", "com.plexapp.agents.thetvdb", "com.plexapp.agents.themoviedb", "com.plexapp.agents.none"],
    };

    private readonly List<Section> _sections = [];
    private readonly List<string> _requests = [];
    private readonly Lock _lock = new();

    private FakeHttpServer _server = null!;

    private FakePlexApi(string token) => Token = token;

    /// <summary>The token it accepts.</summary>
    public string Token { get; }

    /// <summary>Where it listens, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request, <c>"METHOD /path"</c>, refused ones too.</summary>
    public IReadOnlyList<string> Requests { get { lock (_lock) { return [.. _requests]; } } }

    /// <summary>The sections: key, title, type, agent, folders.</summary>
    public IReadOnlyList<(string Key, string Title, string Type, string Agent, IReadOnlyList<string> Locations)> Sections
    {
        get { lock (_lock) { return [.. _sections.Select(s => (s.Key, s.Title, s.Type, s.Agent, (IReadOnlyList<string>)[.. s.Locations]))]; } }
    }

    /// <summary>Adds a section as if made in Plex's UI.</summary>
    public void Add(string title, string type, string agent, params string[] locations)
    {
        lock (_lock)
        {
            _sections.Add(new Section((_sections.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), title, type, agent, [.. locations]));
        }
    }

    /// <summary>Starts a fake Plex accepting <paramref name="token"/>.</summary>
    public static async Task<FakePlexApi> StartAsync(string token, CancellationToken cancellationToken)
    {
        var fake = new FakePlexApi(token);
        fake._server = await FakeHttpServer.StartAsync(fake.HandleAsync, cancellationToken);
        return fake;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var (method, path, query) = (http.Request.Method, http.Request.Path.Value ?? "/", http.Request.Query);
        lock (_lock)
        {
            _requests.Add($"{method} {path}");
        }

        if (http.Request.Headers["X-Plex-Token"].ToString() != Token)
        {
            await Reply(http, 401, "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>");
            return;
        }

        lock (_lock)
        {
            (int Status, string Body) answer = (method, path) switch
            {
                ("GET", "/library/sections" or "/library/sections/all") => (200, Xml(_sections)),
                ("POST", "/library/sections") => Create(query),
                ("PUT", _) when path.StartsWith("/library/sections/", StringComparison.Ordinal) => Edit(path["/library/sections/".Length..], query),
                _ => (404, "<html><body><h1>404 Not Found</h1></body></html>"),
            };
            http.Response.StatusCode = answer.Status;
            http.Response.ContentType = "text/xml;charset=utf-8";
            http.Items["body"] = answer.Body;
        }

        await http.Response.WriteAsync((string)http.Items["body"]!);
    }

    private (int, string) Create(IQueryCollection query)
    {
        string? Single(string key) => query[key].Count == 1 && !string.IsNullOrWhiteSpace(query[key][0]) ? query[key][0] : null;
        if (Single("name") is not { } name || Single("type") is not { } type || Single("agent") is not { } agent || Single("scanner") is null
            || query["location"].Count == 0 || !s_agents.TryGetValue(type, out var agents) || !agents.Contains(agent, StringComparer.Ordinal))
        {
            return (400, "<html><body><h1>400 Bad Request</h1></body></html>");
        }

        var section = new Section((_sections.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), name, type, agent, [.. query["location"].Select(l => l ?? "")]);
        _sections.Add(section);
        return (201, Xml([section]));
    }

    private (int, string) Edit(string key, IQueryCollection query)
    {
        if (_sections.FirstOrDefault(s => s.Key == key) is not { } section)
        {
            return (404, "<html><body><h1>404 Not Found</h1></body></html>");
        }

        if (string.IsNullOrWhiteSpace(query["agent"].ToString()) || query["location"].Count == 0)
        {
            return (400, "<html><body><h1>400 Bad Request</h1></body></html>");
        }

        section.Locations.Clear();
        section.Locations.AddRange(query["location"].Select(l => l ?? ""));
        return (200, "");
    }

    private static string Xml(IEnumerable<Section> sections) => new XDocument(new XElement("MediaContainer",
        sections.Select(s => new XElement("Directory", new XAttribute("key", s.Key), new XAttribute("title", s.Title), new XAttribute("type", s.Type),
            new XAttribute("agent", s.Agent), s.Locations.Select((l, i) => new XElement("Location", new XAttribute("id", i + 1), new XAttribute("path", l))))))).ToString();

    private static Task Reply(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html";
        return http.Response.WriteAsync(body);
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record Section(string Key, string Title, string Type, string Agent, List<string> Locations);
}
