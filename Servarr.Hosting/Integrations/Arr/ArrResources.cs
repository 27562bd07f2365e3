using System.Text.Json;
using System.Text.Json.Serialization;

namespace Servarr.Hosting;

/// <summary>
/// A provider of a Sonarr/Radarr/Prowlarr API: a download client (<c>DownloadClientResource</c> of Sonarr's and Radarr's
/// v3 OpenAPI documents) or a Prowlarr application (<c>ApplicationResource</c>, v1). Only the properties Servarr reads or
/// writes; a null one is left out of the body. Property names are the documents' (camelCase).
/// </summary>
internal sealed record ArrProvider
{
    public int? Id { get; init; }

    public required string Name { get; init; }

    public required string Implementation { get; init; }

    public required string ConfigContract { get; init; }

    public List<ArrField> Fields { get; init; } = [];

    public List<int> Tags { get; init; } = [];

    // Download clients (DownloadClientResource).
    public bool? Enable { get; init; }

    public string? Protocol { get; init; }

    public int? Priority { get; init; }

    public bool? RemoveCompletedDownloads { get; init; }

    public bool? RemoveFailedDownloads { get; init; }

    // Prowlarr applications (ApplicationResource): disabled, addOnly or fullSync.
    public string? SyncLevel { get; init; }

    /// <summary>The value of field <paramref name="name"/>, or null.</summary>
    public JsonElement? Field(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;
}

/// <summary>One provider setting (the documents' <c>Field</c>: only <c>name</c> and <c>value</c> are input).</summary>
internal sealed record ArrField(string Name, JsonElement? Value);

/// <summary>A root folder (<c>RootFolderResource</c>: only <c>path</c> is input).</summary>
internal sealed record ArrRootFolder
{
    public int? Id { get; init; }

    public required string Path { get; init; }
}

/// <summary>One validation failure as the apps return it (an array of these with status 400).</summary>
internal sealed record ArrValidationFailure(string? PropertyName, string? ErrorMessage);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArrProvider))]
[JsonSerializable(typeof(List<ArrProvider>))]
[JsonSerializable(typeof(ArrRootFolder))]
[JsonSerializable(typeof(List<ArrRootFolder>))]
[JsonSerializable(typeof(List<ArrValidationFailure>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int[]))]
internal sealed partial class ArrJsonContext : JsonSerializerContext;
