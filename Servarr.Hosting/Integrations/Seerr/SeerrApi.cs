using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The part of Seerr's API (<c>/api/v1</c>, seerr-team/seerr: seerr-api.yml) Servarr configures, with Seerr's API key in
/// <c>X-Api-Key</c> (<c>components.securitySchemes.apiKey</c>). Bodies are JSON objects as Seerr stores them, so a
/// setting Servarr does not model (an entry's tags) is sent back unchanged. The key acts as user 1 and only once that
/// user exists (server/middleware/auth.ts: <c>checkUser</c> looks up user id 1; <c>isAuthenticated</c> answers 403
/// without one), so a 403 on a settings route means "no admin user yet": the item waits for the admin user item.
/// Any other refusal becomes a <see cref="ConfigurationException"/> with Seerr's own message.
/// </summary>
internal sealed class SeerrApi(HttpClient http, Func<CancellationToken, ValueTask<string?>> apiKey)
{
    /// <summary>What a settings call waits for when Seerr has no user yet.</summary>
    public const string NoAdminReason =
        "Seerr has no admin user yet, so its API key acts as nobody (403); the 'admin user' item creates it from Plex's token";

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode> PutAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    /// <summary>
    /// True when the API key authenticates as a user (<c>GET /auth/me</c> answers 200), false when Seerr has none yet (403).
    /// </summary>
    public async Task<bool> HasUserAsync(CancellationToken cancellationToken)
    {
        using var response = await RawAsync(HttpMethod.Get, "auth/me", null, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            await ThrowIfSetUpAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await EnsureSuccessAsync(response, "GET /api/v1/auth/me", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary><c>POST /auth/plex</c>, which needs no API key (<c>security: []</c>): the first account to sign in becomes the admin.</summary>
    public async Task SignInWithPlexAsync(string plexToken, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["authToken"] = plexToken };
        using var response = await RawAsync(HttpMethod.Post, "auth/plex", body, false, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "POST /api/v1/auth/plex", cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var call = $"{method} /api/v1/{path.Split('?')[0]}";
        using var response = await RawAsync(method, path, body, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            await ThrowIfSetUpAsync(cancellationToken).ConfigureAwait(false);
            throw new ConfigurationWaitException(NoAdminReason);
        }

        var text = await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) ?? throw new ConfigurationException($"{call}: Seerr answered with no body");
        }
        catch (JsonException)
        {
            throw new ConfigurationException($"{call}: Seerr's answer is not JSON: {ConfigurationException.Excerpt(text, 300)}");
        }
    }

    /// <summary>
    /// A 403 means "no admin yet" only while Seerr is not set up (<c>GET /settings/public</c>, no key needed): a set-up
    /// Seerr refusing the key has another one, and signing in as Plex's owner would not help.
    /// </summary>
    private async Task ThrowIfSetUpAsync(CancellationToken cancellationToken)
    {
        using var response = await RawAsync(HttpMethod.Get, "settings/public", null, false, cancellationToken).ConfigureAwait(false);
        var text = await EnsureSuccessAsync(response, "GET /api/v1/settings/public", cancellationToken).ConfigureAwait(false);
        if (JsonNode.Parse(text)?["initialized"]?.GetValue<bool>() == true)
        {
            throw new ConfigurationException("Seerr is set up but refuses the API key Servarr holds (403): its API_KEY changed since the container started; restart seerr so it reads seerr-api-key again");
        }
    }

    private async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, JsonObject? body, bool authenticated, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"api/v1/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (authenticated)
        {
            request.Headers.Add("X-Api-Key", await apiKey(cancellationToken).ConfigureAwait(false)
                ?? throw new ConfigurationException($"{method} /api/v1/{path.Split('?')[0]}: Seerr's API key parameter has no value"));
        }

        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> EnsureSuccessAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConfigurationException($"{call}: {(int)response.StatusCode} {Explain(text)}".TrimEnd());
        }

        return text;
    }

    /// <summary>
    /// Seerr's error as one line: <c>{"message": "..."}</c> from its error handler (server/index.ts), <c>{"error": "..."}</c>
    /// from a route, or the raw answer.
    /// </summary>
    private static string Explain(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject error && (error["message"] ?? error["error"]) is JsonValue message)
            {
                return message.ToString();
            }
        }
        catch (JsonException)
        {
        }

        return ConfigurationException.Excerpt(body, 300);
    }
}
