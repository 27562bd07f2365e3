namespace Servarr.Hosting.ApplicationModel;

/// <summary>Renders an expression with real values: parameters resolved, endpoints as in-network addresses.</summary>
public static class RunExpressions
{
    /// <summary>The expression's text with every reference replaced by its value.</summary>
    /// <exception cref="InvalidOperationException">A reference of a kind Servarr cannot render.</exception>
    public static string Render(ReferenceExpression expression, ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(values);
        return expression.Render(value => value switch
        {
            ParameterResource parameter => values.Resolve(parameter).Value ?? "",
            EndpointReferenceExpression endpoint => InNetworkAddress.Render(endpoint),
            _ => throw new InvalidOperationException($"Servarr cannot render a {value.GetType().Name}."),
        });
    }
}
