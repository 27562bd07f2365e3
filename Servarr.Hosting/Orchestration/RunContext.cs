using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// What run mode needs to turn the model into host paths, values and labels: parameter values, the AppHost's folder and
/// its app name (<see cref="AppIdentity"/>).
/// </summary>
public sealed class RunContext
{
    /// <summary>Creates the context; <paramref name="application"/> labels the containers (<c>servarr.app</c>) when given.</summary>
    /// <example><code>new RunContext(values, builder.AppHostDirectory, "servarr-3f9a1c2b")</code></example>
    public RunContext(ParameterValues parameters, string appHostDirectory, string? application = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);
        Parameters = parameters;
        AppHostDirectory = appHostDirectory;
        Application = string.IsNullOrWhiteSpace(application) ? null : application;
    }

    /// <summary>The AppHost's app name, the value of every container's <c>servarr.app</c> label; null when not labelled.</summary>
    public string? Application { get; }

    /// <summary>Parameter values as run mode sees them (development folders when unset).</summary>
    public ParameterValues Parameters { get; }

    /// <summary>The AppHost's project folder; relative sources are taken from there.</summary>
    public string AppHostDirectory { get; }

    /// <summary>The absolute host path an expression names, e.g. <c>{config-root}/sonarr</c>.</summary>
    public string HostPath(ReferenceExpression source) => RunExpressions.HostPath(source, p => Parameters.Resolve(p).Value, AppHostDirectory);

    /// <summary>The expression's text with parameters resolved.</summary>
    public string Render(ReferenceExpression expression) => RunExpressions.Render(expression, Parameters);
}
