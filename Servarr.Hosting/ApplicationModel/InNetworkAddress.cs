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

    /// <summary>
    /// Renders one property of the endpoint as <paramref name="user"/> reaches it: at <c>localhost</c> when both share a
    /// network namespace (the apps behind a VPN gateway, and the gateway itself), else at the owner's network host.
    /// </summary>
    /// <example><code>InNetworkAddress.Render(qbittorrent.GetEndpoint("http").Url, sonarr) // "http://localhost:8080" when both are behind gluetun</code></example>
    public static string Render(EndpointReferenceExpression reference, IResource user)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(user);
        return Render(reference, HostFor(reference.Endpoint.Resource, user));
    }

    /// <summary>
    /// The host <paramref name="user"/> reaches <paramref name="owner"/> at: <c>localhost</c> inside one network namespace,
    /// else the owner's name (its VPN gateway's for an app behind one: <c>gluetun</c>).
    /// </summary>
    /// <remarks>
    /// Inside a gateway's namespace names are a poor choice. An app in <c>network_mode: container:</c> gets the gateway's
    /// <c>/etc/resolv.conf</c> and <c>/etc/hosts</c> (observed: <c>docker inspect</c> shows gluetun's ResolvConfPath and
    /// HostsPath on the apps), and Gluetun points that resolver at its own DNS server
    /// (qdm12/gluetun@v3.41.1 internal/dns/setup.go: <c>nameserver.UseDNSSystemWide(...)</c> with
    /// <c>ResolvPath: l.resolvConf</c>, <c>"/etc/resolv.conf"</c> in internal/dns/loop.go), which forwards container names
    /// to Docker's resolver only since v3.41 (commit a1ece206 "feat(dns): resolve network-local names (#2970)", resolvers
    /// "auto-detected at container start only"), and only while that server runs. <c>localhost</c> needs no resolver, is
    /// what a Kubernetes pod offers, and every app of the namespace listens there — so it is our choice for apps of one
    /// namespace, in run mode and in every publisher. Other containers use the gateway's name, which Docker's and
    /// Kubernetes' DNS answer.
    /// </remarks>
    public static string HostFor(IResource owner, IResource user)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(user);
        return owner.GetNetworkHost() == user.GetNetworkHost() ? "localhost" : owner.GetNetworkHost();
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
