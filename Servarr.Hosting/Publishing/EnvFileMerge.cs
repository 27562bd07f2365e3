using System.Text;

namespace Servarr.Hosting.Publishing;

/// <summary>One key Servarr writes: its comment lines, and the value from the model or configuration (null: none to fill in, e.g. a secret).</summary>
/// <param name="Key">The env key.</param>
/// <param name="Comments">Servarr's comment lines above it, without <c>#</c>.</param>
/// <param name="Value">The value from the model or configuration; null leaves the key for the user to fill in.</param>
/// <param name="Secret">True: its value is never reported.</param>
internal sealed record EnvEntry(string Key, IReadOnlyList<string> Comments, string? Value, bool Secret);

/// <summary>
/// Writes an env file again over the one already there, by one rule: a value typed in the file wins over Servarr's
/// value, unless the model or configuration value changed since the last publish (recorded on the line
/// <c># from configuration: ...</c> above the key): then the new value is written and reported. Comments and keys the
/// user added are kept.
/// </summary>
internal static class EnvFileMerge
{
    public const string PublishedMarker = "# from configuration: ";

    public const string ExtraHeading = "# Kept from the previous file (not used by the stack)";

    /// <summary>The new file text; <paramref name="changes"/> gets one line per key whose value changed in the file.</summary>
    public static string Render(EnvValueFormat format, string fileName, IReadOnlyList<string> header, IReadOnlyList<EnvEntry> entries, string? existing, ICollection<string> changes)
    {
        var ours = header.Select(h => "# " + h).Concat(entries.SelectMany(e => e.Comments.Select(c => "# " + c))).Append(ExtraHeading).ToHashSet(StringComparer.Ordinal);
        var old = Parse(existing, ours);
        var text = new StringBuilder();
        header.ToList().ForEach(h => text.Append("# ").Append(h).Append('\n'));
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            text.Append('\n');
            entry.Comments.ToList().ForEach(c => text.Append("# ").Append(c).Append('\n'));
            var encoded = entry.Value is null ? null : format.Encode(entry.Key, entry.Value);
            old.TryGetValue(entry.Key, out var previous);
            if (encoded is { Length: > 0 })
            {
                text.Append(PublishedMarker).Append(encoded).Append('\n');
            }

            previous?.Comments.ForEach(c => text.Append(c).Append('\n'));
            text.Append(entry.Key).Append('=').Append(Choose(fileName, entry, encoded, previous, changes)).Append('\n');
            written.Add(entry.Key);
        }

        var extra = old.Values.Where(o => o.Key.Length > 0 && !written.Contains(o.Key)).ToList();
        if (extra.Count > 0)
        {
            text.Append('\n').Append(ExtraHeading).Append('\n');
            extra.ForEach(o => text.Append(string.Concat(o.Comments.Select(c => c + "\n"))).Append(o.Key).Append('=').Append(o.Raw).Append('\n'));
        }

        if (old.TryGetValue("", out var trailing) && trailing.Comments.Count > 0)
        {
            text.Append('\n').Append(string.Concat(trailing.Comments.Select(c => c + "\n")));
        }

        return text.ToString();
    }

    private static string Choose(string fileName, EnvEntry entry, string? encoded, Existing? previous, ICollection<string> changes)
    {
        encoded ??= "";
        if (previous is null || previous.Raw.Length == 0)
        {
            return encoded;
        }

        // An older Servarr wrote values unquoted: the same value, not the user's.
        if (previous.Published is null && previous.Raw != encoded && previous.Raw != entry.Value && !entry.Secret && encoded.Length > 0)
        {
            changes.Add($"{fileName} {entry.Key}: keeps {previous.Raw} from the file; the configuration has {encoded} (delete the line to take it)");
            return previous.Raw; // no record of the last publish: the file wins, visibly
        }

        if (previous.Published is null || previous.Published == encoded || previous.Raw == encoded)
        {
            return previous.Raw; // typed in the file, configuration unchanged: the file wins
        }

        changes.Add(entry.Secret
            ? $"{fileName} {entry.Key}: updated (changed since the last publish)"
            : $"{fileName} {entry.Key}: {previous.Raw} -> {(encoded.Length == 0 ? "(empty)" : encoded)} (changed since the last publish)");
        return encoded;
    }

    // Comment lines earlier versions of Servarr wrote (not the user's).
    private static readonly string[] Legacy = ["# Kept from the previous", "# Values for docker-compose.yaml, written by", "# Publishing again keeps every value",
        "# Non-secret values for the servarr-settings ConfigMap", "# Secret values for the servarr-secrets Secret"];

    private sealed record Existing(string Key, string Raw, string? Published, List<string> Comments);

    // Keys in file order; each with the user's comment lines above it and the published value Servarr recorded. Key ""
    // holds comments after the last key.
    private static Dictionary<string, Existing> Parse(string? content, HashSet<string> ours)
    {
        var result = new Dictionary<string, Existing>(StringComparer.Ordinal);
        var comments = new List<string>();
        string? published = null;
        foreach (var raw in (content ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(PublishedMarker, StringComparison.Ordinal))
            {
                published = trimmed[PublishedMarker.Length..];
            }
            else if (trimmed.StartsWith('#'))
            {
                if (!ours.Contains(trimmed) && !Legacy.Any(l => trimmed.StartsWith(l, StringComparison.Ordinal)))
                {
                    comments.Add(line);
                }
            }
            else if (line.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals)
            {
                var key = line[..equals].Trim();
                result.Remove(key);
                result[key] = new Existing(key, line[(equals + 1)..], published, comments);
                comments = [];
                published = null;
            }
        }

        if (comments.Count > 0)
        {
            result[""] = new Existing("", "", null, comments);
        }

        return result;
    }
}
