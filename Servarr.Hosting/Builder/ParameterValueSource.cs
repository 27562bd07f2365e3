namespace Servarr.Hosting;

/// <summary>Where a parameter's value came from.</summary>
public enum ParameterValueSource
{
    /// <summary>No value anywhere: the parameter must be set before the stack runs.</summary>
    Missing,
    /// <summary>Configuration: appsettings.json, user-secrets, environment or command line.</summary>
    Configuration,
    /// <summary>The parameter's declared default.</summary>
    Default,
    /// <summary>Generated now and saved to user-secrets.</summary>
    Generated,

    /// <summary>A folder under the AppHost's directory, used because nothing is configured (run mode only).</summary>
    Development,

    /// <summary>Entered while the stack runs (dashboard or terminal) and saved to user-secrets.</summary>
    Entered,
}
