namespace Servarr.Hosting.ApplicationModel;

/// <summary>Start only after <see cref="Target"/> is healthy or has completed.</summary>
public sealed class WaitAnnotation : IResourceAnnotation
{
    /// <summary>Records a wait.</summary>
    public WaitAnnotation(IResource target, WaitType type, int exitCode = 0)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        Type = type;
        ExitCode = exitCode;
    }

    /// <summary>The resource waited for.</summary>
    public IResource Target { get; }

    /// <summary>Healthy or completed.</summary>
    public WaitType Type { get; }

    /// <summary>The exit code expected for <see cref="WaitType.Completion"/>.</summary>
    public int ExitCode { get; }
}
