using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Manifest;

/// <summary>
/// Renders expressions in the manifest's placeholder syntax: <c>{tz.value}</c>, <c>{sonarr.bindings.http.url}</c>.
/// An endpoint of an app behind the VPN has no address of its own: it is written as the gateway's
/// (<c>http://gluetun:8080</c>), which is where every deployment reaches it.
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
        if (owner.GetVpnGateway() is not null)
        {
            return InNetworkAddress.Render(reference);
        }

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
