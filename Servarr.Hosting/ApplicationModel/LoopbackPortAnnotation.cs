namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// An admin UI reachable on the server itself only: published deployments bind the endpoint to the host's loopback
/// address (<c>127.0.0.1:&lt;host port&gt;</c>), so its owner reaches it from the server or through an SSH tunnel
/// (<c>ssh -L 8989:127.0.0.1:8989 server</c>) and nobody else does — the LAN neither. An app behind a VPN gateway is
/// published on the gateway. Run mode already gives every endpoint a 127.0.0.1 port.
/// </summary>
/// <example><code>sonarr.WithAnnotation(new LoopbackPortAnnotation("http", 8989));</code></example>
public sealed class LoopbackPortAnnotation : IResourceAnnotation
{
    /// <summary>Records <paramref name="hostPort"/> for <paramref name="endpointName"/>.</summary>
    public LoopbackPortAnnotation(string endpointName, int hostPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        if (hostPort is < 1 or > 65535)
        {
            throw new ArgumentException($"loopback port {hostPort} is not a TCP port; pass a hostPort from 1 to 65535", nameof(hostPort));
        }
        EndpointName = endpointName;
        HostPort = hostPort;
    }

    /// <summary>The endpoint bound to the loopback address.</summary>
    public string EndpointName { get; }

    /// <summary>The port on the host's 127.0.0.1.</summary>
    public int HostPort { get; }
}
