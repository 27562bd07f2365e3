using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>Renders expressions with real values for run mode: parameters resolved, endpoints as seen inside the app network.</summary>
public static class RunExpressions
{
    /// <summary>Renders <paramref name="expression"/>; a missing parameter renders empty (validation reports it first).</summary>
    public static string Render(ReferenceExpression expression, ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(values);
        return expression.Render(value => value switch
        {
            ParameterResource parameter => values.Resolve(parameter).Value ?? "",
            EndpointPropertyReference endpoint => InNetworkAddress.Render(endpoint),
            _ => throw new InvalidOperationException($"Run mode cannot render a {value.GetType().Name}."),
        });
    }
}
