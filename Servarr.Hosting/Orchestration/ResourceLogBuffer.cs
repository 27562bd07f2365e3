namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The latest console lines of every resource, bounded per resource (oldest dropped first), numbered from 1 per
/// resource so a reader can join the kept lines and the live ones without gaps or repeats; thread-safe.
/// </summary>
public sealed class ResourceLogBuffer(int capacityPerResource = ResourceLogBuffer.DefaultCapacity)
{
    /// <summary>Lines kept per resource by default.</summary>
    public const int DefaultCapacity = 5000;

    private readonly Dictionary<string, (Queue<LogLine> Lines, long Count)> _lines = new(StringComparer.Ordinal);

    /// <summary>One console line.</summary>
    /// <param name="Timestamp">When it was read.</param>
    /// <param name="Text">The line, without its newline.</param>
    /// <param name="IsError">From stderr.</param>
    /// <param name="Number">Its number among all lines of the resource, from 1.</param>
    public sealed record LogLine(DateTimeOffset Timestamp, string Text, bool IsError, long Number = 0);

    /// <summary>Raised after a line was added (resource, line), on the appending thread.</summary>
    public event Action<string, LogLine>? Appended;

    /// <summary>Adds a line of <paramref name="resource"/>.</summary>
    public void Append(string resource, string text, bool isError, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(text);
        LogLine line;
        lock (_lines)
        {
            var (queue, count) = _lines.TryGetValue(resource, out var kept) ? kept : (new Queue<LogLine>(), 0);
            line = new LogLine(timestamp ?? DateTimeOffset.UtcNow, text, isError, count + 1);
            queue.Enqueue(line);
            while (queue.Count > capacityPerResource)
            {
                queue.Dequeue();
            }

            _lines[resource] = (queue, count + 1);
        }

        Appended?.Invoke(resource, line);
    }

    /// <summary>The kept lines of <paramref name="resource"/>, oldest first.</summary>
    public IReadOnlyList<LogLine> Lines(string resource)
    {
        lock (_lines)
        {
            return _lines.TryGetValue(resource, out var kept) ? [.. kept.Lines] : [];
        }
    }
}
