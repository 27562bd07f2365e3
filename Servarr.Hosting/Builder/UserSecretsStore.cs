using System.Text.Json;
using System.Text.Json.Nodes;

namespace Servarr.Hosting;

/// <summary>
/// Reads and writes the AppHost's user-secrets file (the one <c>dotnet user-secrets</c> manages), keeping every
/// other key and writing atomically with owner-only permissions.
/// </summary>
public sealed class UserSecretsStore
{
    /// <summary>Creates a store for the secrets file at <paramref name="path"/>.</summary>
    public UserSecretsStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = path;
    }

    /// <summary>The secrets file.</summary>
    public string FilePath { get; }

    /// <summary>The value of <paramref name="key"/> (e.g. <c>Parameters:sonarr-api-key</c>), or null.</summary>
    public string? Get(string key) => Read().TryGetPropertyValue(key, out var node) ? node?.GetValue<string>() : null;

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, keeping every other key.</summary>
    public void Set(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var root = Read();
        root[key] = value;
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".secrets.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            root.WriteTo(writer);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    private JsonObject Read()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var text = File.ReadAllText(FilePath);
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject
            ?? throw new InvalidDataException($"User-secrets file {FilePath} is not a JSON object; fix or delete it.");
    }
}
