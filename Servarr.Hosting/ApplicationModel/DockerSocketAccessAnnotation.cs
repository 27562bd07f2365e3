namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container may mount the Docker socket (read-only); the reason says what it reads. Validation refuses the socket anywhere else.</summary>
public sealed class DockerSocketAccessAnnotation : IResourceAnnotation
{
    /// <summary>Records the exception and why it is needed.</summary>
    /// <param name="reason">What the container does with the engine; shown by <c>doctor</c>.</param>
    /// <param name="withoutDocker">What is lost where the node runs no Docker engine (a Kubernetes node on containerd), e.g.
    /// <c>Watchtower updates Docker's containers, not the cluster's pods</c>; null for the generic sentence.</param>
    public DockerSocketAccessAnnotation(string reason, string? withoutDocker = null)
    {
        Reason = InputChecks.RequireText(reason, "the reason to read the Docker engine", "reads container labels", nameof(reason));
        if (withoutDocker is not null)
        {
            InputChecks.RequireText(withoutDocker, "what the app loses without Docker", "no container monitors on a containerd node", nameof(withoutDocker));
        }

        WithoutDocker = withoutDocker;
    }

    /// <summary>Why the resource needs it; shown by <c>doctor</c>.</summary>
    public string Reason { get; }

    /// <summary>What the app cannot do on a node without Docker, or null; the Kubernetes publisher notes it.</summary>
    public string? WithoutDocker { get; }
}
