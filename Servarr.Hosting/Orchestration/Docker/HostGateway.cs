using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>
/// The address <c>host-gateway</c> resolves to inside a container: the default bridge's gateway. Engines that leave the
/// gateway out of the bridge's IPAM config (seen with dockerd 20.10 started by hand) still give the bridge interface
/// (<c>docker0</c>) that address, so it is read from the interface, and failing that the subnet's first host is used.
/// </summary>
public static class HostGateway
{
    /// <summary>Picks the gateway: the IPAM gateway, else an interface address inside the subnet, else the subnet's first host.</summary>
    /// <example><code>HostGateway.Resolve(null, "172.17.0.0/16", []) // 172.17.0.1</code></example>
    public static IPAddress? Resolve(string? ipamGateway, string? subnet, IReadOnlyList<IPAddress> interfaceAddresses)
    {
        ArgumentNullException.ThrowIfNull(interfaceAddresses);
        if (IPAddress.TryParse(ipamGateway, out var gateway))
        {
            return gateway;
        }

        if (!IPNetwork.TryParse(subnet, out var network))
        {
            return interfaceAddresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        }

        if (interfaceAddresses.FirstOrDefault(network.Contains) is { } onInterface)
        {
            return onInterface;
        }

        var bytes = network.BaseAddress.GetAddressBytes();
        bytes[^1] |= 1;
        return new IPAddress(bytes);
    }

    /// <summary>The IPv4 addresses of the network interface <paramref name="name"/> on this machine (none when it is absent).</summary>
    public static IReadOnlyList<IPAddress> InterfaceAddresses(string name)
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces().Where(i => i.Name == name)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
