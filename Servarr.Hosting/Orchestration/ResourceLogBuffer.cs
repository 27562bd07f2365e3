namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The latest console lines of every resource, bounded per resource (oldest dropped first), for the dashboard and
/// for tests; thread-safe.
/// </summary>
public sealed class ResourceLogBuffer(int capacityPerResource = ResourceLogBuffer.DefaultCapacity)
{
    /// <summary>Lines kept per resource by default.</summary>
    public const int DefaultCapacity = 5000;

    private readonly Dictionary<string, Queue<LogLine>> _lines = new(StringComparer.Ordinal);

    /// <summary>One console line.</summary>
    /// <param name="Timestamp">When it was read.</param>
    /// <param name="Text">The line, without its newline.</param>
    /// <param name="IsError">From stderr.</param>
    public sealed record LogLine(DateTimeOffset Timestamp, string Text, bool IsError);

    /// <summary>Adds a line of <paramref name="resource"/>.</summary>
    public void Append(string resource, string text, bool isError, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(text);
        lock (_lines)
        {
            if (!_lines.TryGetValue(resource, out var queue))
            {
                _lines[resource] = queue = new Queue<LogLine>();
            }

            queue.Enqueue(new LogLine(timestamp ?? DateTimeOffset.UtcNow, text, isError));
            while (queue.Count > capacityPerResource)
            {
                queue.Dequeue();
            }
        }
    }

    /// <summary>The kept lines of <paramref name="resource"/>, oldest first.</summary>
    public IReadOnlyList<LogLine> Lines(string resource)
    {
        lock (_lines)
        {
            return _lines.TryGetValue(resource, out var queue) ? [.. queue] : [];
        }
    }
}
