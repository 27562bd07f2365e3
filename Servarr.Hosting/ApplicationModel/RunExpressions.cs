namespace Servarr.Hosting.ApplicationModel;

/// <summary>Renders an expression with real values: parameters resolved, endpoints as in-network addresses.</summary>
public static class RunExpressions
{
    /// <summary>The expression's text with every reference replaced by its value.</summary>
    /// <exception cref="InvalidOperationException">A reference of a kind Servarr cannot render.</exception>
    public static string Render(ReferenceExpression expression, ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Render(expression, parameter => values.Resolve(parameter).Value);
    }

    /// <summary>The expression's text with each parameter's value from <paramref name="valueOf"/> (none renders empty).</summary>
    /// <example><code>RunExpressions.Render(source, p => p.Name == "config-root" ? "/srv/config" : null) // /srv/config/sonarr</code></example>
    public static string Render(ReferenceExpression expression, Func<ParameterResource, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(valueOf);
        return expression.Render(value => value switch
        {
            ParameterResource parameter => valueOf(parameter) ?? "",
            EndpointReferenceExpression endpoint => InNetworkAddress.Render(endpoint),
            _ => throw new InvalidOperationException($"Servarr cannot render a {value.GetType().Name}."),
        });
    }

    /// <summary>
    /// The absolute host path <paramref name="source"/> names, parameters taken from <paramref name="valueOf"/>; a relative
    /// path is taken from <paramref name="appHostDirectory"/>, as run mode takes it.
    /// </summary>
    /// <example><code>RunExpressions.HostPath(configMount.Source, valueOf, "/src/Servarr.AppHost") // /src/Servarr.AppHost/.servarr/config/sonarr</code></example>
    public static string HostPath(ReferenceExpression source, Func<ParameterResource, string?> valueOf, string appHostDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);
        var path = Render(source, valueOf);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(appHostDirectory, path));
    }

    /// <summary>
    /// The host folder of <paramref name="container"/>'s config mount (<see cref="ContainerMountPurpose.Config"/>, a bind
    /// mount), parameters from <paramref name="valueOf"/>; null when it has none.
    /// </summary>
    /// <example><code>RunExpressions.ConfigFolder(plex, valueOf, "/src/Servarr.AppHost") // /src/Servarr.AppHost/.servarr/config/plex</code></example>
    public static string? ConfigFolder(ContainerResource container, Func<ParameterResource, string?> valueOf, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.GetMounts().FirstOrDefault(m => m.Purpose == ContainerMountPurpose.Config && m.Type == ContainerMountType.BindMount) is { } mount
            ? HostPath(mount.Source, valueOf, appHostDirectory)
            : null;
    }
}
