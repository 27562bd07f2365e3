using System.Diagnostics;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A port the container listens on. <see cref="Port"/> is a host port and is published only when given;
/// other containers reach the endpoint at <see cref="TargetPort"/>.
/// </summary>
[DebuggerDisplay("{Name} {Scheme}://:{TargetPort} host={Port}")]
public sealed class EndpointAnnotation : IResourceAnnotation
{
    /// <summary>Records an endpoint.</summary>
    public EndpointAnnotation(string name, string scheme, EndpointProtocol protocol, int? targetPort, int? port = null,
        bool isExternal = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        CheckPort(targetPort, nameof(targetPort));
        CheckPort(port, nameof(port));
        Name = name;
        Scheme = scheme.ToLowerInvariant();
        Protocol = protocol;
        TargetPort = targetPort;
        Port = port;
        IsExternal = isExternal;
    }

    /// <summary>The endpoint name, unique per resource (<c>http</c>, <c>torrent</c>...).</summary>
    public string Name { get; }

    /// <summary><c>http</c>, <c>https</c>, <c>tcp</c> or <c>udp</c>.</summary>
    public string Scheme { get; }

    /// <summary>TCP or UDP.</summary>
    public EndpointProtocol Protocol { get; }

    /// <summary>The port inside the container; null is reported by the validator.</summary>
    public int? TargetPort { get; }

    /// <summary>The host port to publish, or null to publish none.</summary>
    public int? Port { get; }

    /// <summary>Reachable from outside the stack (manifest <c>external: true</c>).</summary>
    public bool IsExternal { get; }

    /// <summary>
    /// The manifest transport: <c>http</c> for HTTP(S) endpoints, else <c>tcp</c>. The manifest schema allows only
    /// http, http2 and tcp here, so a UDP endpoint says <c>udp</c> in <c>protocol</c> instead.
    /// </summary>
    public string Transport => Scheme is "http" or "https" ? "http" : "tcp";

    private static void CheckPort(int? port, string name)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(name, port, "A port must be between 1 and 65535.");
        }
    }
}
