namespace Servarr.Hosting;

/// <summary>A resolved parameter value and where it came from. <see cref="ToString"/> never shows a secret.</summary>
/// <param name="Value">The value, or null when missing.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="IsSecret">Whether the value must be masked.</param>
public sealed record ParameterValue(string? Value, ParameterValueSource Source, bool IsSecret)
{
    /// <inheritdoc />
    public override string ToString() => $"{(IsSecret ? "*****" : Value)} ({Source})";
}
