using System.Text;

namespace Servarr.Hosting.Publishing;

/// <summary>
/// How a value is written after <c>KEY=</c> in an env file, so that the file's reader gets it back exactly; or why it
/// cannot be. <see cref="Compose"/> is read by docker-compose 1.29 (python-dotenv 0.21) and Compose v2 (compose-go);
/// <see cref="Kustomize"/> by kustomize's <c>configMapGenerator</c>/<c>secretGenerator</c> <c>envs</c>.
/// </summary>
/// <example><code>EnvValueFormat.Compose.Encode("a # b") // "'a # b'"</code></example>
public abstract class EnvValueFormat
{
    /// <summary>Compose's <c>.env</c>.</summary>
    public static EnvValueFormat Compose { get; } = new ComposeFormat();

    /// <summary>kustomize's env files (<c>settings.env</c>, <c>secrets.env</c>).</summary>
    public static EnvValueFormat Kustomize { get; } = new KustomizeFormat();

    /// <summary>The file name used in messages.</summary>
    public abstract string FileName { get; }

    /// <summary>Why <paramref name="value"/> cannot be written for key <paramref name="key"/> (what is wrong, no fix), or null.</summary>
    public abstract string? Problem(string key, string value);

    /// <summary>The text after <c>KEY=</c>; throws <see cref="ServarrException"/> for a value <see cref="Problem"/> refuses.</summary>
    public string Encode(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Problem(key, value) is { } problem)
        {
            throw new ServarrException($"{FileName} key {key}: {problem}");
        }

        return Write(value);
    }

    /// <summary>The encoding of a representable value.</summary>
    protected abstract string Write(string value);

    private sealed class ComposeFormat : EnvValueFormat
    {
        public override string FileName => ".env";

        // Facts: python-dotenv 0.21 (docker-compose 1.29) expands ${...} in every value, quoted or not, with no escape;
        // in single quotes it turns \\ and \' into \ and ', compose-go keeps single-quoted text as it is; in double quotes
        // both turn \\ and \" into \ and ", and compose-go also expands $NAME. A line break is kept out (one value, one line).
        public override string? Problem(string key, string value) =>
            value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
                ? "a line break cannot be written to .env (docker-compose reads one line per value)"
            : value.Contains("${", StringComparison.Ordinal)
                ? "'${' cannot be written to .env (docker-compose 1.29 always expands it)"
            : NeedsDoubleQuotes(value) && value.Contains('$', StringComparison.Ordinal)
                ? "a value with both '$' and a quote (') or backslash cannot be written to .env so that docker-compose 1.29 and v2 read the same"
            : null;

        protected override string Write(string value) => value.Length == 0 ? ""
            : NeedsDoubleQuotes(value) ? $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : $"'{value}'";

        private static bool NeedsDoubleQuotes(string value) => value.Contains('\'', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal);
    }

    private sealed class KustomizeFormat : EnvValueFormat
    {
        // kustomize reads the line after the first '=' as it is, with Go's line scanner: a line ends at \n, a final \r is
        // dropped, and a line of 64 KiB or more ends the file silently (the value is also on the "# from configuration:" line).
        private const int MaxLineBytes = 65535;

        public override string FileName => "settings.env/secrets.env";

        public override string? Problem(string key, string value) =>
            value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
                ? "a line break cannot be written to a kustomize env file (one value, one line)"
            : Math.Max(Encoding.UTF8.GetByteCount(key) + 1, EnvFileMerge.PublishedMarker.Length) + Encoding.UTF8.GetByteCount(value) > MaxLineBytes
                ? $"the value is longer than kustomize reads from an env file line ({MaxLineBytes} bytes with the key)"
            : null;

        protected override string Write(string value) => value;
    }
}
