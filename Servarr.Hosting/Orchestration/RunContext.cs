using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>What run mode needs to turn the model into host paths and values: parameter values and the AppHost's folder.</summary>
public sealed class RunContext
{
    /// <summary>Creates the context.</summary>
    public RunContext(ParameterValues parameters, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);
        Parameters = parameters;
        AppHostDirectory = appHostDirectory;
    }

    /// <summary>Parameter values as run mode sees them (development folders when unset).</summary>
    public ParameterValues Parameters { get; }

    /// <summary>The AppHost's project folder; relative sources are taken from there.</summary>
    public string AppHostDirectory { get; }

    /// <summary>The absolute host path an expression names, e.g. <c>{config-root}/sonarr</c>.</summary>
    public string HostPath(ReferenceExpression source)
    {
        var path = RunExpressions.Render(source, Parameters);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(AppHostDirectory, path));
    }

    /// <summary>The expression's text with parameters resolved.</summary>
    public string Render(ReferenceExpression expression) => RunExpressions.Render(expression, Parameters);
}
