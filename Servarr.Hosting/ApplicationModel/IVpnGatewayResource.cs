namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A container whose network namespace other containers may share (<c>WithVpn</c>), so their traffic
/// leaves only through its tunnel. Gluetun is the one the stack uses. Its firewall is the kill switch, so a publisher that
/// puts the apps behind it somewhere new (a Kubernetes pod) tells it, through these variables, what else to let through.
/// </summary>
public interface IVpnGatewayResource : IResourceWithEndpoints
{
    /// <summary>The variable listing the ports (comma separated) the firewall lets in: the apps' own ports.</summary>
    string InputPortsVariable { get; }

    /// <summary>The variable listing the subnets (comma separated CIDRs) reached around the tunnel, e.g. a cluster's ranges.</summary>
    string OutboundSubnetsVariable { get; }

    /// <summary>
    /// The tunnel's network interface inside the shared namespace, e.g. <c>tun0</c>: an app that can bind to one interface
    /// (qBittorrent) binds there, so its traffic stops if the tunnel goes, even without the firewall.
    /// </summary>
    string TunnelInterface { get; }
}
