namespace Servarr.Hosting.ApplicationModel;

/// <summary>Arguments passed to the container's entrypoint (compose <c>command</c>), appended in order.</summary>
public sealed class CommandLineArgsAnnotation : IResourceAnnotation
{
    /// <summary>Records arguments.</summary>
    public CommandLineArgsAnnotation(IReadOnlyList<ReferenceExpression> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is null))
        {
            throw new ArgumentException("Arguments must not be null.", nameof(args));
        }

        Args = args;
    }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<ReferenceExpression> Args { get; }
}
