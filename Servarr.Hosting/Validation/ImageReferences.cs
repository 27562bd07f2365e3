using System.Text.RegularExpressions;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Docker's image reference grammar (distribution's <c>reference</c>): <c>[registry[:port]/]path[:tag][@digest]</c>, the
/// path lower case, a tag of at most 128 word characters, dots and dashes, a digest <c>algorithm:hex</c> (32+ hex digits).
/// </summary>
internal static partial class ImageReferences
{
    private const string Example = "docker.io/linuxserver/sonarr:4.0.15";

    [GeneratedRegex(@"^(?:(?<domain>(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?)/)?"
        + @"(?<path>[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
        + @"(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
        + @"(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$")]
    private static partial Regex Grammar();

    // The path part: after a first part that reads as a registry (a dot or port in it, or localhost), before the tag and digest.
    private static string Repository(string reference)
    {
        var parts = reference.Split('@')[0].Split('/').ToList();
        if (parts.Count > 1 && (parts[0].Contains('.', StringComparison.Ordinal) || parts[0].Contains(':', StringComparison.Ordinal) || parts[0] == "localhost"))
        {
            parts.RemoveAt(0);
        }

        return string.Join('/', parts).Split(':')[0];
    }

    /// <summary>The problem with <paramref name="reference"/>, or null when Docker accepts it.</summary>
    public static string? Problem(string reference)
    {
        var match = Grammar().Match(reference);
        var domain = match.Groups["domain"];
        // Docker reads the first part as a registry only with a dot or a port in it, or as localhost; else it is the path's.
        var valid = match.Success && (!domain.Success || domain.Value.Contains('.', StringComparison.Ordinal)
            || domain.Value.Contains(':', StringComparison.Ordinal) || domain.Value == "localhost");
        if (valid && reference.Length - (match.Groups["tag"].Success ? match.Groups["tag"].Length + 1 : 0)
            - (match.Groups["digest"].Success ? match.Groups["digest"].Length + 1 : 0) <= 255)
        {
            return null;
        }

        var why = reference.Any(char.IsWhiteSpace) ? "it contains white space"
            : reference.Length == 0 ? "it is empty"
            : Repository(reference).Any(char.IsUpper) ? "the repository must be lower case"
            : "it does not read as registry/name:tag";
        return $"image reference '{reference}' is not valid ({why}); write it as registry/name:tag in lower case without spaces, e.g. {Example}";
    }
}
