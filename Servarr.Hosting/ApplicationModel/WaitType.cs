namespace Servarr.Hosting.ApplicationModel;

/// <summary>What a resource waits for before it starts.</summary>
public enum WaitType
{
    /// <summary>Running and healthy (compose <c>service_healthy</c>).</summary>
    Healthy,
    /// <summary>Exited with the expected code (compose <c>service_completed_successfully</c>).</summary>
    Completion,
}
