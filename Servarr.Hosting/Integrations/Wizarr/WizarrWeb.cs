using System.Net;
using System.Text.RegularExpressions;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Wizarr's own web forms, which are the only way to set it up: its REST API (<c>/api</c>, <c>X-API-Key</c>) needs a key
/// that an admin creates in the UI first, and has no call that adds a media server. The session is a cookie, kept by
/// the <see cref="HttpClient"/>'s handler (the default handler keeps cookies and follows redirects; both are handled).
/// </summary>
/// <remarks>
/// Facts (wizarrrr/wizarr @ v2026.7.1): app/blueprints/setup/routes.py — <c>/setup/</c> (GET, POST) shows the admin
/// account form while no <c>AdminAccount</c> exists and redirects otherwise; on success it logs the new admin in and
/// redirects to <c>admin.dashboard</c>; app/forms/setup.py — Flask-WTF form <c>AdminAccountForm</c>, fields
/// <c>username</c>, <c>password</c>, <c>confirm</c> plus the session's <c>csrf_token</c> (templates/setup/admin_account.html
/// <c>form.hidden_tag()</c>); app/blueprints/auth/routes.py — <c>POST /login</c>, form <c>username</c>/<c>password</c>, no
/// CSRF, a redirect on success and the login page again (200) on failure, limited to 10 a minute;
/// app/blueprints/media_servers/routes.py — <c>GET /settings/servers</c> lists servers, <c>POST /settings/servers/create</c>
/// (login required) takes <c>server_name</c>, <c>server_type</c>, <c>server_url</c>, <c>api_key</c>, checks the server and
/// redirects to the list, or answers 200 with <c>HX-Retarget</c> and the error.
/// </remarks>
internal sealed partial class WizarrWeb(HttpClient http)
{
    public const string SetupPath = "/setup/";

    /// <summary>The setup page's CSRF token while Wizarr has no admin account yet; null once it has one (the page redirects).</summary>
    public async Task<string?> SetupTokenAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(SetupPath.TrimStart('/'), cancellationToken).ConfigureAwait(false);
        if (Redirected(response, SetupPath))
        {
            return null;
        }

        var html = await ReadAsync(response, "GET " + SetupPath, cancellationToken).ConfigureAwait(false);
        return CsrfToken().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new ConfigurationException($"GET {SetupPath}: Wizarr's setup page has no csrf_token field (not the page of Wizarr {WizarrContainerImageTags.Tag}?)");
    }

    /// <summary>Creates the first admin account (which also signs this client in).</summary>
    public async Task CreateAdminAsync(string csrfToken, string username, string password, CancellationToken cancellationToken)
    {
        using var response = await PostFormAsync(SetupPath, cancellationToken,
            ("csrf_token", csrfToken), ("username", username), ("password", password), ("confirm", password)).ConfigureAwait(false);
        if (!Redirected(response, SetupPath))
        {
            throw Refused($"POST {SetupPath}", await ReadAsync(response, "POST " + SetupPath, cancellationToken).ConfigureAwait(false), FieldErrors());
        }
    }

    /// <summary>Signs in as the admin; throws when Wizarr refuses the user name or password.</summary>
    public async Task LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        // A sign-in changes no setting: it counts as a read of the pass (Configuration.CallCounter).
        using var response = await PostFormAsync("/login", cancellationToken, readOnly: true, ("username", username), ("password", password)).ConfigureAwait(false);
        if (!Redirected(response, "/login"))
        {
            var html = await ReadAsync(response, "POST /login", cancellationToken).ConfigureAwait(false);
            throw Refused($"POST /login as '{username}'", html, AlertText());
        }
    }

    /// <summary>The URLs of the media servers Wizarr has (signed in).</summary>
    public async Task<IReadOnlyList<string>> ServerUrlsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("settings/servers", cancellationToken).ConfigureAwait(false);
        if (Redirected(response, "/settings/servers"))
        {
            throw new ConfigurationException("GET /settings/servers: Wizarr sent the sign-in page; the session was not accepted");
        }

        var html = await ReadAsync(response, "GET /settings/servers", cancellationToken).ConfigureAwait(false);
        return [.. ServerCard().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))];
    }

    /// <summary>Adds a media server; Wizarr checks that it answers with the token first.</summary>
    public async Task AddServerAsync(string name, string type, string url, string token, CancellationToken cancellationToken)
    {
        const string path = "/settings/servers/create";
        using var response = await PostFormAsync(path, cancellationToken,
            ("server_name", name), ("server_type", type), ("server_url", url), ("api_key", token)).ConfigureAwait(false);
        if (!Redirected(response, path))
        {
            throw Refused($"POST {path}", await ReadAsync(response, "POST " + path, cancellationToken).ConfigureAwait(false), AlertText());
        }
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, CancellationToken cancellationToken, params (string Name, string Value)[] fields) =>
        PostFormAsync(path, cancellationToken, readOnly: false, fields);

    private async Task<HttpResponseMessage> PostFormAsync(string path, CancellationToken cancellationToken, bool readOnly, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        if (readOnly)
        {
            Configuration.CallCounter.CountAsRead(request);
        }

        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether Wizarr answered with a redirect away from <paramref name="path"/>: a 3xx (handler not following), or a
    /// followed redirect that ended elsewhere.
    /// </summary>
    private static bool Redirected(HttpResponseMessage response, string path) =>
        (int)response.StatusCode is >= 300 and < 400
        || response.RequestMessage?.RequestUri is { } uri && !string.Equals(uri.AbsolutePath.TrimEnd('/'), path.TrimEnd('/'), StringComparison.Ordinal);

    private static async Task<string> ReadAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? body
            : throw new ConfigurationException($"{call}: {(int)response.StatusCode} {response.ReasonPhrase} {Text(body, 200)}".TrimEnd());
    }

    private static ConfigurationException Refused(string call, string html, Regex messages)
    {
        var found = messages.Matches(html).Select(m => Text(m.Groups["text"].Value, 200)).Where(t => t.Length > 0).Distinct().ToList();
        return new ConfigurationException($"{call}: Wizarr refused it: {(found.Count == 0 ? "(no message on the page)" : string.Join("; ", found))}");
    }

    private static string Text(string html, int max)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();
        return ConfigurationException.Excerpt(Spaces().Replace(text, " "), max);
    }

    // <input id="csrf_token" name="csrf_token" type="hidden" value="...">, attributes in any order (Flask-WTF's hidden_tag)
    [GeneratedRegex("""<input\b(?=[^>]*\bname="csrf_token")[^>]*\bvalue="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CsrfToken();

    // templates/setup/admin_account.html: each field's errors as <p class="mt-1 text-sm text-red-600 ...">{{ err }}</p>
    [GeneratedRegex("""<p\b[^>]*class="[^"]*text-red-600[^"]*"[^>]*>(?<text>.*?)</p>""", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FieldErrors();

    // templates/login.html and modals/create-server.html: {% if error %} ... <span class="font-medium">{{ error }}</span>
    [GeneratedRegex("""<span class="font-medium">(?<text>.*?)</span>""", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AlertText();

    // templates/settings/servers.html: a card per server, data-server-id="{{ s.id }}", then <a href="{{ s.url }}" ...>
    [GeneratedRegex("data-server-id=\"[^\"]*\".*?<a\\s+href=\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ServerCard();

    [GeneratedRegex("<[^>]+>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
