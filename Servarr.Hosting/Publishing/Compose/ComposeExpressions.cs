using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Renders expressions for compose: parameters become <c>${NAME}</c> (filled from <c>.env</c>), endpoints become
/// <c>http://&lt;service&gt;:&lt;port&gt;</c> on the compose network (the gateway's name for VPN apps), and a literal
/// <c>$</c> is doubled so compose does not read it as a variable.
/// </summary>
public static class ComposeExpressions
{
    /// <summary>The <c>.env</c> key of a parameter: upper case, '-' as '_'.</summary>
    public static string VariableName(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return ResourceExtensions.ToEnvironmentName(parameter.Name);
    }

    /// <summary>Renders <paramref name="expression"/> for a compose file.</summary>
    public static string Render(ReferenceExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Render(RenderValue, literal => literal.Replace("$", "$$", StringComparison.Ordinal));
    }

    private static string RenderValue(IValueReference value) => value switch
    {
        ParameterResource parameter => $"${{{VariableName(parameter)}}}",
        EndpointPropertyReference property => InNetworkAddress.Render(property),
        _ => throw new InvalidOperationException($"Compose cannot express a {value.GetType().Name}."),
    };
}
