using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Maintainerr's settings API (<c>/api/settings</c>, no authentication — Maintainerr/Maintainerr@v3.24.0
/// apps/server/src/modules/settings/settings.controller.ts, packages/contracts/src/settings/serviceUrl.ts). Bodies are
/// validated with zod (a failure is a 400); a save that fails says so in the body, <c>{"status": "NOK", "message": …}</c>,
/// with a 2xx status (settings-operations.service.ts). Both become a <see cref="ConfigurationException"/> with
/// Maintainerr's message.
/// </summary>
internal sealed class MaintainerrApi(HttpClient http)
{
    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode?> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode?> PutAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var call = $"{method} /{path}";
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? answer = null;
        try
        {
            answer = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ConfigurationException($"{call}: {(int)response.StatusCode} {Explain(answer) ?? ConfigurationException.Excerpt(text)}".TrimEnd());
        }

        if (answer is JsonObject { } result && (string?)result["status"] == "NOK")
        {
            throw new ConfigurationException($"{call}: {(string?)result["message"] ?? "NOK"}");
        }

        return answer;
    }

    /// <summary>A validation failure's message and the fields it names (nestjs-zod: <c>{"message", "errors": [{"path", "message"}]}</c>).</summary>
    private static string? Explain(JsonNode? answer)
    {
        if (answer is not JsonObject error)
        {
            return null;
        }

        var fields = error["errors"] is JsonArray errors
            ? string.Join("; ", errors.Select(e => $"{string.Join('.', (e?["path"] as JsonArray ?? []).Select(p => p?.ToString()))}: {(string?)e?["message"]}"))
            : "";
        var message = error["message"] is JsonValue value && value.TryGetValue<string>(out var m) ? m : error["message"]?.ToJsonString();
        return fields.Length > 0 ? $"{message} ({fields})" : message;
    }
}
