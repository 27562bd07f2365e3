namespace Servarr.Hosting.ApplicationModel;

/// <summary>Gluetun: a VPN client whose network namespace other apps share, with a kill switch.</summary>
/// <param name="name">The resource name.</param>
public sealed class GluetunResource(string name) : ContainerResource(name), IVpnGatewayResource
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "control";

    /// <inheritdoc />
    /// <remarks>qdm12/gluetun@v3.41.1: internal/configuration/settings/firewall.go, <c>r.CSVUint16("FIREWALL_INPUT_PORTS")</c>.</remarks>
    public string InputPortsVariable => "FIREWALL_INPUT_PORTS";

    /// <inheritdoc />
    /// <remarks>qdm12/gluetun@v3.41.1: internal/configuration/settings/firewall.go, <c>r.CSVNetipPrefixes("FIREWALL_OUTBOUND_SUBNETS", ...)</c>.</remarks>
    public string OutboundSubnetsVariable => "FIREWALL_OUTBOUND_SUBNETS";

    /// <inheritdoc />
    /// <remarks>
    /// qdm12/gluetun@v3.41.1: Dockerfile, <c>VPN_INTERFACE=tun0</c>, read for WireGuard and OpenVPN alike
    /// (internal/configuration/settings/wireguard.go, <c>w.Interface = r.String("VPN_INTERFACE", ...)</c>; the code default
    /// <c>wg0</c> applies only when the variable is unset, which the image never leaves it). Servarr does not set it.
    /// </remarks>
    public string TunnelInterface => "tun0";
}
