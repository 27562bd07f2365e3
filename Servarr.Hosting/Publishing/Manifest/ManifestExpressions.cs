using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Manifest;

/// <summary>
/// Renders expressions in the manifest's placeholder syntax: <c>{tz.value}</c>, <c>{sonarr.bindings.http.url}</c>.
/// Apps behind the VPN are written like any other: the manifest cannot express a shared network namespace, and
/// deployment tools that read it (aspirate) give every app its own service, so <c>{sonarr.bindings.http.url}</c>
/// is the address that exists there.
/// </summary>
internal static class ManifestExpressions
{
    /// <summary>Renders an expression; literal braces are doubled so readers do not take them for placeholders.</summary>
    public static string Render(ReferenceExpression expression) =>
        expression.Render(RenderValue, literal => literal.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    private static string RenderValue(IValueReference value) => value switch
    {
        ParameterResource parameter => $"{{{parameter.Name}.value}}",
        EndpointPropertyReference property => RenderEndpoint(property),
        _ => throw new InvalidOperationException($"The manifest cannot express a {value.GetType().Name}."),
    };

    private static string RenderEndpoint(EndpointPropertyReference reference)
    {
        var owner = reference.Endpoint.Resource;
        var prefix = $"{owner.Name}.bindings.{reference.Endpoint.EndpointName}";
        return reference.Property switch
        {
            EndpointProperty.Url => $"{{{prefix}.url}}",
            EndpointProperty.Host => $"{{{prefix}.host}}",
            EndpointProperty.Port => $"{{{prefix}.port}}",
            EndpointProperty.TargetPort => $"{{{prefix}.targetPort}}",
            EndpointProperty.HostAndPort => $"{{{prefix}.host}}:{{{prefix}.port}}",
            _ => $"{{{prefix}.scheme}}",
        };
    }
}
