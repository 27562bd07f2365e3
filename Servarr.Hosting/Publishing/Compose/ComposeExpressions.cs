using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Renders expressions for compose: parameters become <c>${NAME}</c> (filled from <c>.env</c>; required ones
/// <c>${NAME:?set NAME in .env}</c>), endpoints become
/// <c>http://&lt;service&gt;:&lt;port&gt;</c> on the compose network (the gateway's name for VPN apps; <c>localhost</c> for an
/// app reading an endpoint of its own namespace), and a literal
/// <c>$</c> is doubled so compose does not read it as a variable.
/// </summary>
public static class ComposeExpressions
{
    /// <summary>The <c>.env</c> key of a parameter: upper case, '-' as '_'.</summary>
    public static string VariableName(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return ServarrResourceExtensions.ToEnvironmentName(parameter.Name);
    }

    /// <summary>
    /// Whether compose must refuse to start without a value for <paramref name="parameter"/>: a secret without a
    /// default, a generated secret (compose cannot generate one), or a non-secret with no value anywhere. Such a
    /// parameter is written <c>${NAME:?set NAME in .env}</c>, so <c>up</c> stops with that line instead of passing an
    /// empty value. A parameter with a default or a configured value, even an empty one, is optional.
    /// </summary>
    public static bool IsRequired(ParameterResource parameter, ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        return ParameterValues.IsGenerated(parameter)
            || (parameter.Secret ? parameter.Default is null : values.Resolve(parameter).Source == ParameterValueSource.Missing);
    }

    /// <summary>Renders <paramref name="expression"/> for a compose file.</summary>
    public static string Render(ReferenceExpression expression, ParameterValues values) => Render(expression, values, null);

    /// <summary>
    /// Renders <paramref name="expression"/> as <paramref name="user"/> reads it (its environment, its command): an
    /// endpoint in its own network namespace is <c>localhost</c> (<see cref="InNetworkAddress.HostFor"/>), as in run mode.
    /// </summary>
    public static string Render(ReferenceExpression expression, ParameterValues values, IResource? user)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(values);
        return expression.Render(v => RenderValue(v, values, user), literal => literal.Replace("$", "$$", StringComparison.Ordinal));
    }

    private static string RenderValue(object value, ParameterValues values, IResource? user) => value switch
    {
        ParameterResource parameter when IsRequired(parameter, values) => $"${{{VariableName(parameter)}:?set {VariableName(parameter)} in .env}}",
        ParameterResource parameter => $"${{{VariableName(parameter)}}}",
        EndpointReferenceExpression property when user is not null => InNetworkAddress.Render(property, user),
        EndpointReferenceExpression property => InNetworkAddress.Render(property),
        _ => throw new InvalidOperationException($"Compose cannot express a {value.GetType().Name}."),
    };
}
