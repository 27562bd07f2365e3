namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// What a restore provider needs from the run: the value of each parameter (null when it has none) and the AppHost's
/// folder, from which relative host paths are taken (as run mode takes them).
/// </summary>
/// <example>
/// <code>
/// var context = new ConfigRestoreContext(p => values.Resolve(p).Value, builder.AppHostDirectory);
/// var folder = context.HostPath(configMount.Source); // e.g. /srv/servarr/config/sonarr
/// </code>
/// </example>
public sealed class ConfigRestoreContext
{
    private readonly Func<ParameterResource, string?> _valueOf;

    /// <summary>Creates the context.</summary>
    public ConfigRestoreContext(Func<ParameterResource, string?> valueOf, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);
        _valueOf = valueOf;
        AppHostDirectory = appHostDirectory;
    }

    /// <summary>The AppHost's project folder.</summary>
    public string AppHostDirectory { get; }

    /// <summary>The parameter's value, or null when it has none.</summary>
    public string? ValueOf(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return _valueOf(parameter);
    }

    /// <summary>The expression's text with parameters resolved (a parameter without value renders empty).</summary>
    public string Render(ReferenceExpression expression) => RunExpressions.Render(expression, _valueOf);

    /// <summary>The absolute host path an expression names, e.g. <c>{config-root}/sonarr</c>.</summary>
    public string HostPath(ReferenceExpression source) => RunExpressions.HostPath(source, _valueOf, AppHostDirectory);
}
