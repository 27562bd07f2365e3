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
