namespace Servarr.Hosting.Validation;

/// <summary>Thrown before anything is written or started when the model has problems; lists all of them.</summary>
public sealed class ModelValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }
}
