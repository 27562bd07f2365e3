namespace Servarr.Hosting.ApplicationModel;

/// <summary>What an environment callback sees: the execution context, and the variables to add to.</summary>
public sealed class EnvironmentCallbackContext
{
    /// <summary>Creates a context.</summary>
    public EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        ExecutionContext = executionContext;
    }

    /// <summary>Run or publish.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Variables to set: values are strings, parameters, endpoint references or expressions.</summary>
    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}
