using System.Globalization;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// How another container on the stack's network reaches an endpoint: <c>scheme://host:targetPort</c>, where the host
/// is the resource's name, or its VPN gateway's name for apps that share the gateway's namespace.
/// </summary>
public static class InNetworkAddress
{
    /// <summary>Renders one property of the endpoint as seen from inside the stack's network.</summary>
    /// <example><code>InNetworkAddress.Render(sonarr.GetEndpoint().Url) // "http://gluetun:8989" behind the VPN</code></example>
    public static string Render(EndpointReferenceExpression reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Render(reference, reference.Endpoint.Resource.GetNetworkHost());
    }

    /// <summary>Renders one property of the endpoint with <paramref name="host"/> as its host (e.g. <c>localhost</c> inside a shared pod).</summary>
    public static string Render(EndpointReferenceExpression reference, string host)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(host);
        var owner = reference.Endpoint.Resource;
        var endpoint = owner.FindEndpoint(reference.Endpoint.EndpointName);
        var port = endpoint?.TargetPort?.ToString(CultureInfo.InvariantCulture) ?? "";
        var scheme = endpoint?.UriScheme ?? "http";
        return reference.Property switch
        {
            EndpointProperty.Url => $"{scheme}://{host}:{port}",
            EndpointProperty.Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            _ => scheme,
        };
    }
}
