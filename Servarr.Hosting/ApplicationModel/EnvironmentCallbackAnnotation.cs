namespace Servarr.Hosting.ApplicationModel;

/// <summary>Environment variables computed when the stack runs or is published, not when it is declared.</summary>
public sealed class EnvironmentCallbackAnnotation : IResourceAnnotation
{
    /// <summary>Records a callback.</summary>
    public EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    /// <summary>The callback.</summary>
    public Action<EnvironmentCallbackContext> Callback { get; }
}
