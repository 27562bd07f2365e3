namespace Servarr.Hosting.ApplicationModel;

/// <summary>A part of an endpoint's address as another resource sees it.</summary>
public enum EndpointProperty
{
    /// <summary><c>scheme://host:port</c>.</summary>
    Url,
    /// <summary>The host name other containers use (the service name, or the VPN gateway's for VPN apps).</summary>
    Host,
    /// <summary>The port other containers connect to.</summary>
    Port,
    /// <summary>The port the process listens on inside its container.</summary>
    TargetPort,
    /// <summary><c>host:port</c>.</summary>
    HostAndPort,
    /// <summary><c>http</c>, <c>https</c>, <c>tcp</c> or <c>udp</c>.</summary>
    Scheme,
}
