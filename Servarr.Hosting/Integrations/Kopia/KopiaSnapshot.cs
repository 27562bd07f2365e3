using System.Globalization;
using System.Text.Json;

namespace Servarr.Hosting.Integrations.Kopia;

/// <summary>One snapshot from <c>kopia snapshot list --json</c>: its id, source path and start time.</summary>
/// <param name="Id">The snapshot (manifest) id.</param>
/// <param name="Path">The source path, e.g. <c>/data/sonarr</c>.</param>
/// <param name="StartTime">When the snapshot started.</param>
/// <param name="Incomplete">Kopia marked it incomplete (interrupted); never restored.</param>
/// <example><code>var snapshots = KopiaSnapshot.ParseList(listed.Output);</code></example>
public sealed record KopiaSnapshot(string Id, string Path, DateTimeOffset StartTime, bool Incomplete = false)
{
    /// <summary>Parses Kopia's JSON list (an array of manifests with <c>id</c>, <c>source.path</c>, <c>startTime</c>, optional <c>incomplete</c>).</summary>
    /// <example><code>KopiaSnapshot.ParseList("[]") // empty</code></example>
    public static IReadOnlyList<KopiaSnapshot> ParseList(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json.Trim().Length == 0 ? "[]" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ServarrException("kopia snapshot list --json did not print a list; is the Kopia image the one the model pins?");
            }

            return document.RootElement.EnumerateArray().Select(Parse).ToList();
        }
        catch (JsonException exception)
        {
            throw new ServarrException($"kopia snapshot list --json printed something that is not JSON ({exception.Message})");
        }
    }

    private static KopiaSnapshot Parse(JsonElement manifest)
    {
        var id = manifest.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var path = manifest.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("path", out var p)
            && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var start = manifest.TryGetProperty("startTime", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (id is null || path is null || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new ServarrException("a snapshot in kopia snapshot list --json lacks id, source.path or startTime");
        }

        var incomplete = manifest.TryGetProperty("incomplete", out var reason) && reason.ValueKind == JsonValueKind.String && reason.GetString()!.Length > 0;
        return new KopiaSnapshot(id, path, time, incomplete);
    }
}
