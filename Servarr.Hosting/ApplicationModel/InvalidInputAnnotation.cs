namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A value Program.cs passed to one of Servarr's verbs that the verb refused (e.g. <c>.WithPublicHostname("Requests")</c>):
/// recorded instead of thrown, so the validator reports it with every other problem of the model, one line each.
/// </summary>
/// <example>
/// <code>
/// app.WithAnnotation(new InvalidInputAnnotation(".WithHostname(\"bad_host!\")", "'bad_host!' is not a host name"));
/// </code>
/// </example>
public sealed class InvalidInputAnnotation : IResourceAnnotation
{
    /// <summary>Records the call as written in Program.cs and what is wrong with it, with the fix.</summary>
    public InvalidInputAnnotation(string call, string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        if (problem.Any(char.IsControl))
        {
            throw new ArgumentException("A problem is one line.", nameof(problem));
        }

        Call = call;
        Problem = problem;
    }

    /// <summary>The call, e.g. <c>.WithHostname("bad_host!")</c>.</summary>
    public string Call { get; }

    /// <summary>What is wrong and the fix, one line.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Call}: {Problem}";
}
