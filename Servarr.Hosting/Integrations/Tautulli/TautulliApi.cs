using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The part of Tautulli Servarr configures. API v2 (<c>/api/v2?apikey=…&amp;cmd=…</c>, answer
/// <c>{"response": {"result": "success|error", "message", "data"}}</c>, an error with status 400, 401 or 500 —
/// Tautulli/Tautulli@v2.17.2 plexpy/api2.py <c>_api_validate</c>, <c>_api_run</c>), and the web handlers the setup wizard
/// posts to, which have no API command: with no web login (<c>http_password</c> empty) they need no session, and
/// Tautulli's CSRF check passes a request whose <c>X-Api-Key</c> header is its API key (plexpy/webstart.py
/// <c>'tools.auth.on': plexpy.AUTH_ENABLED</c>; plexpy/webauth.py <c>check_csrf_token</c>). The API key travels only in
/// the query or header, never in a message.
/// </summary>
internal sealed class TautulliApi(HttpClient http, Func<CancellationToken, ValueTask<string?>> apiKey)
{
    /// <summary>Runs a reading command (GET) and returns its <c>data</c>.</summary>
    public async Task<JsonNode?> ReadAsync(string command, CancellationToken cancellationToken, params (string Name, string Value)[] arguments)
    {
        var key = await KeyAsync(command, cancellationToken).ConfigureAwait(false);
        var query = string.Join("", arguments.Select(a => $"&{a.Name}={Uri.EscapeDataString(a.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v2?apikey={Uri.EscapeDataString(key)}&cmd={command}{query}");
        return await SendApiAsync(command, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a writing command (POST, the arguments form-encoded) and returns its <c>data</c>.</summary>
    public async Task<JsonNode?> WriteAsync(string command, IEnumerable<KeyValuePair<string, string>> arguments, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(command, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v2")
        {
            Content = new FormUrlEncodedContent([new("apikey", key), new("cmd", command), .. arguments]),
        };
        return await SendApiAsync(command, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts a form to a web handler (<c>save_pms_token</c>, <c>configUpdate</c>). <c>X-Requested-With</c> makes a login
    /// Tautulli demands a 401 rather than a redirect (plexpy/webauth.py <c>check_auth</c>).
    /// </summary>
    public async Task PostFormAsync(string handler, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(handler, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, handler) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ConfigurationException($"POST /{handler}: {(int)response.StatusCode}: Tautulli asks for its web login (http_password is set), "
                + "so Servarr cannot save its Plex settings; set them in Tautulli's Settings → Plex Media Server, or clear its password");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ConfigurationException($"POST /{handler}: {(int)response.StatusCode} {await ShortBodyAsync(response, cancellationToken).ConfigureAwait(false)}".TrimEnd());
        }
    }

    private async Task<JsonNode?> SendApiAsync(string command, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = $"{request.Method} /api/v2 cmd={command}";
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(body)?["response"];
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer is null)
        {
            throw new ConfigurationException($"{call}: {(int)response.StatusCode} {ConfigurationException.Excerpt(body)}".TrimEnd());
        }

        if (!response.IsSuccessStatusCode || (string?)answer["result"] != "success")
        {
            throw new ConfigurationException($"{call}: {(int)response.StatusCode} {(string?)answer["message"] ?? "error"}");
        }

        return answer["data"];
    }

    private async Task<string> KeyAsync(string call, CancellationToken cancellationToken) =>
        await apiKey(cancellationToken).ConfigureAwait(false) is { Length: > 0 } key ? key
            : throw new ConfigurationException($"{call}: Tautulli's API key parameter has no value");

    private static async Task<string> ShortBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ConfigurationException.Excerpt(body);
    }
}
