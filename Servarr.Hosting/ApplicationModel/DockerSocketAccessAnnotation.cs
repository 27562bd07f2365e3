namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container may mount the Docker socket (read-only); the reason says what it reads. Validation refuses the socket anywhere else.</summary>
public sealed class DockerSocketAccessAnnotation : IResourceAnnotation
{
    /// <summary>Records the exception and why it is needed.</summary>
    public DockerSocketAccessAnnotation(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    /// <summary>Why the resource needs it; shown by <c>doctor</c>.</summary>
    public string Reason { get; }
}
