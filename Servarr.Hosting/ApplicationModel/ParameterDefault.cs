namespace Servarr.Hosting.ApplicationModel;

/// <summary>Where a parameter's value comes from when configuration has none.</summary>
public abstract record ParameterDefault;

/// <summary>A fixed, non-secret default value, published as such (manifest <c>default.value</c>, filled in <c>.env</c>).</summary>
/// <param name="Value">The default value.</param>
public sealed record ConstantParameterDefault(string Value) : ParameterDefault
{
    /// <summary>The default value.</summary>
    public string Value { get; } = Value ?? throw new ArgumentNullException(nameof(Value));
}

/// <summary>
/// A random value created once and kept in the AppHost's user-secrets, so it is stable across runs
/// (API keys). Published as manifest <c>default.generate</c>; never written to <c>.env</c>.
/// </summary>
public sealed record GenerateParameterDefault : ParameterDefault
{
    /// <summary>Creates a generated default of at least <paramref name="minLength"/> characters.</summary>
    public GenerateParameterDefault(int minLength = 32, bool special = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 8);
        MinLength = minLength;
        Special = special;
    }

    /// <summary>The length of the generated value.</summary>
    public int MinLength { get; }

    /// <summary>Whether punctuation may appear (off for API keys: hexadecimal only).</summary>
    public bool Special { get; }
}

/// <summary>
/// A folder under the AppHost's directory used when the stack runs on this machine (<c>dotnet run</c>) and configuration
/// has none, so a fresh clone runs without setting anything. Publishing never uses it: published files keep the
/// parameter, filled with <see cref="PublishedValue"/> (a path on the real host) when one is given.
/// </summary>
/// <param name="Path">The absolute development folder (resolved from the AppHost's directory when declared).</param>
/// <param name="Subfolders">Folders created inside it on first run, e.g. <c>media/tv</c>.</param>
/// <param name="PublishedValue">The value published files get when configuration has none, e.g. <c>/srv/media</c>; null: required.</param>
public sealed record DevelopmentParameterDefault(string Path, IReadOnlyList<string> Subfolders, string? PublishedValue = null) : ParameterDefault
{
    /// <summary>The absolute path.</summary>
    public string Path { get; } = !string.IsNullOrWhiteSpace(Path) && System.IO.Path.IsPathRooted(Path)
        ? Path : throw new ArgumentException("A development default is an absolute path.", nameof(Path));

    /// <summary>Folders created inside it on first run.</summary>
    public IReadOnlyList<string> Subfolders { get; } = Subfolders ?? [];
}
