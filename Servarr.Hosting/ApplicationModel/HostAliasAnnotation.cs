namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// An extra line in the container's <c>/etc/hosts</c> (Docker <c>--add-host</c>, compose <c>extra_hosts</c>);
/// <c>host-gateway</c> as the address means the Docker host, e.g. <c>host.docker.internal</c> on Linux.
/// </summary>
public sealed class HostAliasAnnotation : IResourceAnnotation
{
    /// <summary>Maps <paramref name="hostname"/> to <paramref name="address"/> (an IP or <c>host-gateway</c>).</summary>
    public HostAliasAnnotation(string hostname, string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (hostname.Any(char.IsWhiteSpace) || address.Any(char.IsWhiteSpace) || hostname.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Host alias '{hostname}:{address}' must be a host name and an address without spaces.", nameof(hostname));
        }

        Hostname = hostname;
        Address = address;
    }

    /// <summary>The name, e.g. <c>host.docker.internal</c>.</summary>
    public string Hostname { get; }

    /// <summary>The address, e.g. <c>host-gateway</c>.</summary>
    public string Address { get; }
}
