using System.Text.Json;
using System.Text.RegularExpressions;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// A configuration file the AppHost cannot read (Microsoft.Extensions.Configuration.Json throws
/// <see cref="InvalidDataException"/> "Failed to load configuration from file '...'", around a <see cref="FormatException"/>
/// and, for a syntax error, the <see cref="JsonException"/> with its 0-based line) as one line: the file, the line, the fix.
/// </summary>
internal static partial class ConfigurationErrors
{
    [GeneratedRegex("^Failed to load configuration from file '(?<path>.+)'\\.$")]
    private static partial Regex FailedToLoad();

    [GeneratedRegex("\\s*LineNumber: \\d+ \\| BytePositionInLine: \\d+\\.$")]
    private static partial Regex Position();

    /// <summary>The line for <paramref name="exception"/>, or null when it is not a configuration file Servarr can name.</summary>
    public static string? Describe(Exception exception, string currentDirectory)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidDataException && FailedToLoad().Match(e.Message) is { Success: true } match)
            {
                return Describe(match.Groups["path"].Value, e.InnerException, currentDirectory);
            }
        }

        return null;
    }

    private static string Describe(string path, Exception? cause, string currentDirectory)
    {
        var json = Find<JsonException>(cause);
        var detail = json is not null ? Position().Replace(json.Message, "") : Find<FormatException>(cause)?.Message ?? cause?.Message ?? "it cannot be read";
        detail = detail.Trim().TrimEnd('.');
        var where = json?.LineNumber is { } line ? $"{Display(path, currentDirectory)} line {line + 1}" : Display(path, currentDirectory);
        var fix = IsUserSecrets(path)
            ? "fix the JSON in that file, or delete the file to start over (every saved secret is lost; dotnet user-secrets cannot open a broken file either), then set the secrets again with dotnet user-secrets set Parameters:<name> <value> --project Servarr.AppHost"
            : "fix the JSON there (a missing comma, quote or value, or a key given twice) and run again";
        return $"{where}: {detail}; {fix}";
    }

    private static bool IsUserSecrets(string path) =>
        Path.GetFileName(path) == "secrets.json" && path.Replace('\\', '/').Contains("/usersecrets/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path relative to the current folder when it is inside it (<c>Servarr.AppHost/appsettings.json</c>), else as given.</summary>
    internal static string Display(string path, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
