using System.Globalization;

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
    public string Render(ReferenceExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Render(value => value switch
        {
            ParameterResource parameter => _valueOf(parameter) ?? "",
            EndpointReferenceExpression endpoint => InNetworkAddress.Render(endpoint),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        });
    }

    /// <summary>The absolute host path an expression names, e.g. <c>{config-root}/sonarr</c>.</summary>
    public string HostPath(ReferenceExpression source)
    {
        var path = Render(source);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(AppHostDirectory, path));
    }
}
