namespace Servarr.Hosting.ApplicationModel;

/// <summary>What the AppHost was started to do.</summary>
public enum DistributedApplicationOperation
{
    /// <summary>Run the stack on the local Docker engine.</summary>
    Run,
    /// <summary>Write deployment files (manifest, compose, Kubernetes).</summary>
    Publish,
}
