using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// A provider the model implies (a download client, a Prowlarr application), found by implementation and name. Missing:
/// added. Present: compared on the properties and fields the model sets — except <paramref name="secretFields"/>, which
/// the apps return masked — and updated with the model's values over the app's others.
/// </summary>
internal sealed class ArrProviderItem(string kind, ArrApi api, string collection, Func<CancellationToken, ValueTask<ArrProvider>> desired,
    IReadOnlySet<string> secretFields, string name) : ConfigurationItem(kind, name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var model = await desired(cancellationToken).ConfigureAwait(false);
        var existing = (await api.ProvidersAsync(collection, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(p => p.Implementation == model.Implementation && string.Equals(p.Name, model.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            return new ConfigurationChange("missing", ct => api.AddAsync(collection, model, ct));
        }

        var differences = Differences(existing, model).ToList();
        return differences.Count == 0 ? null
            : new ConfigurationChange(string.Join("; ", differences), ct => api.UpdateAsync(collection, Merge(existing, model), ct));
    }

    private IEnumerable<string> Differences(ArrProvider app, ArrProvider model)
    {
        foreach (var (property, have, want) in new (string, object?, object?)[]
        {
            ("enable", app.Enable, model.Enable), ("priority", app.Priority, model.Priority), ("protocol", app.Protocol, model.Protocol),
            ("removeCompletedDownloads", app.RemoveCompletedDownloads, model.RemoveCompletedDownloads),
            ("removeFailedDownloads", app.RemoveFailedDownloads, model.RemoveFailedDownloads), ("syncLevel", app.SyncLevel, model.SyncLevel),
        })
        {
            if (want is not null && !Equals(have, want))
            {
                yield return $"{property} is {Show(have)}, the model says {Show(want)}";
            }
        }

        foreach (var field in model.Fields.Where(f => !secretFields.Contains(f.Name)))
        {
            var have = app.Field(field.Name);
            if (!SameValue(have, field.Value))
            {
                yield return $"field '{field.Name}' is {Show(have)}, the model says {Show(field.Value)}";
            }
        }
    }

    /// <summary>The app's provider with the model's properties and fields over it (its id, tags and other fields kept).</summary>
    private static ArrProvider Merge(ArrProvider app, ArrProvider model) => app with
    {
        Enable = model.Enable ?? app.Enable,
        Priority = model.Priority ?? app.Priority,
        Protocol = model.Protocol ?? app.Protocol,
        RemoveCompletedDownloads = model.RemoveCompletedDownloads ?? app.RemoveCompletedDownloads,
        RemoveFailedDownloads = model.RemoveFailedDownloads ?? app.RemoveFailedDownloads,
        SyncLevel = model.SyncLevel ?? app.SyncLevel,
        Fields = [.. app.Fields.Where(f => model.Fields.All(m => m.Name != f.Name)), .. model.Fields],
    };

    private static bool SameValue(JsonElement? a, JsonElement? b) =>
        a is null || a.Value.ValueKind == JsonValueKind.Null ? b is null || b.Value.ValueKind == JsonValueKind.Null
            : b is not null && JsonElement.DeepEquals(a.Value, b.Value);

    private static string Show(object? value) => value switch
    {
        null => "unset",
        JsonElement { ValueKind: JsonValueKind.Null } => "unset",
        JsonElement element => element.GetRawText(),
        string text => $"'{text}'",
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "unset",
    };
}

/// <summary>A root folder the model implies: added when the app has none at that path (trailing slashes aside).</summary>
internal sealed class ArrRootFolderItem(ArrApi api, string path) : ConfigurationItem("root folder", path)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var folders = await api.RootFoldersAsync(cancellationToken).ConfigureAwait(false);
        return folders.Any(f => f.Path.TrimEnd('/') == Name.TrimEnd('/')) ? null
            : new ConfigurationChange("missing", async ct => await api.AddRootFolderAsync(Name, ct).ConfigureAwait(false));
    }
}

/// <summary>Field values as the apps' JSON has them.</summary>
internal static class ArrValues
{
    public static ArrField Text(string name, string value) => new(name, JsonSerializer.SerializeToElement(value, ArrJsonContext.Default.String));

    public static ArrField Number(string name, int value) => new(name, JsonSerializer.SerializeToElement(value, ArrJsonContext.Default.Int32));

    public static ArrField Flag(string name, bool value) => new(name, JsonSerializer.SerializeToElement(value, ArrJsonContext.Default.Boolean));
}
