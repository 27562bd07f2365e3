using System.Xml.Linq;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The part of Plex Media Server's HTTP API Servarr configures: library sections, with the server's token in
/// <c>X-Plex-Token</c>. Plex answers in XML by default; sections are <c>MediaContainer/Directory</c> elements with
/// <c>key</c>, <c>title</c>, <c>type</c>, <c>agent</c> and <c>Location/@path</c> children.
/// Sources (Plex's server is closed): pkkid/python-plexapi@4.16.1 plexapi/library.py — <c>Library.add</c>
/// (<c>POST /library/sections?name=&amp;type=&amp;agent=&amp;scanner=&amp;language=&amp;location=</c>),
/// <c>LibrarySection.edit</c> (<c>PUT /library/sections/{key}?agent=&amp;location=…</c>), <c>LibrarySection._loadData</c>
/// (<c>locations</c> from <c>Location</c> elements' <c>path</c>); plexapi/server.py — the token header.
/// </summary>
internal sealed class PlexApi(HttpClient http, Func<CancellationToken, Task<string>> token)
{
    public async Task<IReadOnlyList<PlexSection>> SectionsAsync(CancellationToken cancellationToken)
    {
        var xml = await SendAsync(HttpMethod.Get, "library/sections", cancellationToken).ConfigureAwait(false);
        return [.. (xml.Root?.Elements("Directory") ?? []).Select(d => new PlexSection(
            (string?)d.Attribute("key") ?? "", (string?)d.Attribute("title") ?? "", (string?)d.Attribute("type") ?? "", (string?)d.Attribute("agent") ?? "",
            [.. d.Elements("Location").Select(l => ((string?)l.Attribute("path") ?? "").TrimEnd('/'))]))];
    }

    public Task AddSectionAsync(PlexLibraryAnnotation library, CancellationToken cancellationToken)
    {
        var (type, agent, scanner) = Kind(library.Type);
        return SendAsync(HttpMethod.Post, $"library/sections?name={Uri.EscapeDataString(library.Title)}&type={type}&agent={Uri.EscapeDataString(agent)}"
            + $"&scanner={Uri.EscapeDataString(scanner)}&language=en-US&location={Uri.EscapeDataString(library.Path)}", cancellationToken);
    }

    public Task SetLocationsAsync(PlexSection section, IEnumerable<string> locations, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"library/sections/{Uri.EscapeDataString(section.Key)}?agent={Uri.EscapeDataString(section.Agent)}"
            + string.Concat(locations.Select(l => $"&location={Uri.EscapeDataString(l)}")), cancellationToken);

    /// <summary>Plex's type, agent and scanner of a section kind (python-plexapi's <c>Library.add</c> docstring: the current agents).</summary>
    public static (string Type, string Agent, string Scanner) Kind(PlexLibraryType type) => type switch
    {
        PlexLibraryType.Movies => ("movie", "tv.plex.agents.movie", "Plex Movie"),
        _ => ("show", "tv.plex.agents.series", "Plex TV Series"),
    };

    private async Task<XDocument> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var call = $"{method} /{path.Split('?')[0]}";
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Plex-Token", await token(cancellationToken).ConfigureAwait(false));
        request.Headers.Add("Accept", "application/xml");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var hint = (int)response.StatusCode == 401 ? " (the token is not the server owner's: claim the server again or set plex-token)" : "";
            throw new ConfigurationException($"{call}: {(int)response.StatusCode}{hint} {ConfigurationException.Excerpt(body)}".TrimEnd());
        }

        try
        {
            return string.IsNullOrWhiteSpace(body) ? new XDocument(new XElement("MediaContainer")) : XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            throw new ConfigurationException($"{call}: Plex answered with something that is not XML: {ConfigurationException.Excerpt(body)}");
        }
    }
}

/// <summary>A library section as Plex lists it.</summary>
internal sealed record PlexSection(string Key, string Title, string Type, string Agent, IReadOnlyList<string> Locations);
