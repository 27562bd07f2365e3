namespace Servarr.Hosting.Validation;

/// <summary>One problem in the model: which resource, what is wrong, and how to fix it, on one line.</summary>
/// <param name="Resource">The resource at fault, or the option (<c>--publisher</c>) for command-line problems.</param>
/// <param name="Message">What is wrong and the fix.</param>
public sealed record ValidationProblem(string Resource, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Resource.StartsWith('-') || Resource.StartsWith("parameter '", StringComparison.Ordinal)
        ? $"{Resource}: {Message}" : $"resource '{Resource}': {Message}";
}
