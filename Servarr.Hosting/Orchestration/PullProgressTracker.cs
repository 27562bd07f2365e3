using System.Globalization;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Folds the engine's per-layer pull messages into one line for the status table, e.g.
/// <c>pulling docker.io/plexinc/pms-docker:1.43 — 3/7 layers, 41.2 of 120.5 MB</c>. Pure; not thread-safe.
/// </summary>
public sealed class PullProgressTracker(string image)
{
    private readonly Dictionary<string, (long Current, long Total, bool Done)> _layers = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="progress"/> and returns the line to show.</summary>
    public string Report(PullProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.LayerId is { Length: > 0 } layer && !progress.Status.StartsWith("Pulling from", StringComparison.Ordinal))
        {
            var (current, total, done) = _layers.GetValueOrDefault(layer);
            if (progress.Status is "Pull complete" or "Already exists")
            {
                done = true;
                current = total;
            }
            else if (progress.Status == "Downloading" && progress.Total is > 0)
            {
                (current, total) = (progress.Current ?? 0, progress.Total.Value);
            }

            _layers[layer] = (current, total, done);
        }

        return Line();
    }

    /// <summary>The current line.</summary>
    public string Line()
    {
        if (_layers.Count == 0)
        {
            return $"pulling {image}";
        }

        var done = _layers.Values.Count(l => l.Done);
        var total = _layers.Values.Sum(l => l.Total);
        var bytes = total == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {Megabytes(_layers.Values.Sum(l => l.Current))} of {Megabytes(total)} MB");
        return $"pulling {image} — {done}/{_layers.Count} layers{bytes}";
    }

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);
}
