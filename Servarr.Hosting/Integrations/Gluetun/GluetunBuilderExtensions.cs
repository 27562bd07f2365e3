using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds the Gluetun VPN gateway.</summary>
public static class GluetunBuilderExtensions
{
    /// <summary>Gluetun's control server port.</summary>
    public const int ControlPort = 8000;

    /// <summary>
    /// Adds Gluetun as a WireGuard client of <paramref name="provider"/> with <c>NET_ADMIN</c> and <c>/dev/net/tun</c>.
    /// Apps join it with <c>.WithVpn(gluetun)</c>: their traffic can only leave through the tunnel (Gluetun's
    /// firewall is the kill switch), and they start once Gluetun reports healthy.
    /// </summary>
    /// <example>
    /// <code>
    /// var gluetun = builder.AddGluetun("gluetun", host, provider, privateKey, addresses);
    /// builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun);
    /// </code>
    /// </example>
    public static IResourceBuilder<GluetunResource> AddGluetun(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource> provider, IResourceBuilder<ParameterResource> wireguardPrivateKey,
        IResourceBuilder<ParameterResource> wireguardAddresses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(wireguardPrivateKey);
        ArgumentNullException.ThrowIfNull(wireguardAddresses);
        return builder.AddResource(new GluetunResource(name))
            .WithImage($"{GluetunContainerImageTags.Registry}/{GluetunContainerImageTags.Image}", GluetunContainerImageTags.Tag)
            .WithHttpEndpoint(targetPort: ControlPort, name: GluetunResource.PrimaryEndpointName)
            .WithTcpHealthCheck(GluetunResource.PrimaryEndpointName)
            // Keeps Docker's default capabilities: upstream documents and tests only "the defaults + NET_ADMIN" and its start-up
            // (iptables, DNS on port 53, chown to PUID, OpenVPN's user switch) was not proven under cap_drop ALL
            // (qdm12/gluetun README and Dockerfile @ v3.41.1; docs/upstream/capabilities.md §7). doctor lists it.
            .WithCapability("NET_ADMIN")
            .WithDevice("/dev/net/tun")
            .WithEnvironment("VPN_SERVICE_PROVIDER", provider)
            .WithEnvironment("VPN_TYPE", "wireguard")
            .WithEnvironment("WIREGUARD_PRIVATE_KEY", wireguardPrivateKey)
            .WithEnvironment("WIREGUARD_ADDRESSES", wireguardAddresses)
            .WithEnvironment("HTTP_CONTROL_SERVER_ADDRESS", ":" + ControlPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("TZ", host.TimeZone)
            .WithConfigMount(host, "/gluetun")
            .WithContainerHealthCheck(["/gluetun-entrypoint", "healthcheck"], interval: TimeSpan.FromSeconds(5),
                retries: 3, startPeriod: TimeSpan.FromSeconds(10));
    }

    /// <summary>Only connect to VPN servers in these countries (Gluetun's <c>SERVER_COUNTRIES</c>, comma separated).</summary>
    public static IResourceBuilder<GluetunResource> WithServerCountries(this IResourceBuilder<GluetunResource> builder,
        IResourceBuilder<ParameterResource> countries)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithEnvironment("SERVER_COUNTRIES", countries);
    }
}
