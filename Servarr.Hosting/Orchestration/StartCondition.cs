namespace Servarr.Hosting.Orchestration;

/// <summary>What a resource needs from another one before it starts.</summary>
public enum StartCondition
{
    /// <summary>The other container exists and runs (references: its name must resolve).</summary>
    Running,
    /// <summary>The other container runs and reports healthy (<c>WaitFor</c>, <c>WithVpn</c>).</summary>
    Healthy,
    /// <summary>The other container exited with the expected code (<c>WaitForCompletion</c>).</summary>
    Completed,
}
