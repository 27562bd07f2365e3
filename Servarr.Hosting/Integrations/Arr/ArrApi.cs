using System.Net.Http.Json;
using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The part of the Sonarr/Radarr (<c>/api/v3</c>) and Prowlarr (<c>/api/v1</c>) APIs Servarr configures: providers
/// (download clients, applications) and root folders, with the app's API key in <c>X-Api-Key</c> (the documents'
/// security scheme). Creates and updates pass <c>forceSave=true</c>: the app saves without first testing the connection,
/// so the order apps become ready in does not matter; the app's own health check reports a client it cannot reach.
/// A refusal becomes a <see cref="ConfigurationException"/> with the app's validation messages.
/// </summary>
internal sealed class ArrApi(HttpClient http, string version, Func<CancellationToken, ValueTask<string?>> apiKey)
{
    private static readonly ArrJsonContext s_json = ArrJsonContext.Default;

    public Task<List<ArrProvider>> ProvidersAsync(string collection, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, collection, null, s_json.ListArrProvider, cancellationToken);

    public Task<ArrProvider> AddAsync(string collection, ArrProvider provider, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{collection}?forceSave=true", JsonContent.Create(provider, s_json.ArrProvider), s_json.ArrProvider, cancellationToken);

    public Task<ArrProvider> UpdateAsync(string collection, ArrProvider provider, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"{collection}/{provider.Id}?forceSave=true", JsonContent.Create(provider, s_json.ArrProvider), s_json.ArrProvider, cancellationToken);

    public Task<List<ArrRootFolder>> RootFoldersAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "rootfolder", null, s_json.ListArrRootFolder, cancellationToken);

    public Task<ArrRootFolder> AddRootFolderAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "rootfolder", JsonContent.Create(new ArrRootFolder { Path = path }, s_json.ArrRootFolder), s_json.ArrRootFolder, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
    {
        var call = $"{method} /api/{version}/{path.Split('?')[0]}";
        using var request = new HttpRequestMessage(method, $"api/{version}/{path}") { Content = content };
        request.Headers.Add("X-Api-Key", await apiKey(cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigurationException($"{call}: the app's API key parameter has no value"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConfigurationException($"{call}: {(int)response.StatusCode} {Explain(body)}".TrimEnd());
        }

        return JsonSerializer.Deserialize(body, type) ?? throw new ConfigurationException($"{call}: the app answered with no body");
    }

    /// <summary>The app's validation failures (<c>[{"propertyName": "Path", "errorMessage": "..."}]</c>) as one line, or its raw answer.</summary>
    private static string Explain(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, s_json.ListArrValidationFailure) is { Count: > 0 } failures)
            {
                return string.Join("; ", failures.Select(f => $"{f.PropertyName}: {f.ErrorMessage}"));
            }
        }
        catch (JsonException)
        {
        }

        return ConfigurationException.Excerpt(body, 300);
    }
}
