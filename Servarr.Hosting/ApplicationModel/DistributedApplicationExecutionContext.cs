namespace Servarr.Hosting.ApplicationModel;

/// <summary>Run or publish: lets Program.cs and callbacks behave differently in each.</summary>
/// <example>
/// <code>
/// if (builder.ExecutionContext.IsRunMode) { plex.WithEnvironment("PLEX_CLAIM", claim); }
/// </code>
/// </example>
public sealed class DistributedApplicationExecutionContext
{
    /// <summary>Creates a context.</summary>
    public DistributedApplicationExecutionContext(DistributedApplicationOperation operation) => Operation = operation;

    /// <summary>The operation.</summary>
    public DistributedApplicationOperation Operation { get; }

    /// <summary>True when the stack runs on the local Docker engine.</summary>
    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    /// <summary>True when deployment files are written.</summary>
    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
