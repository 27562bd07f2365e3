namespace Servarr.Hosting.ApplicationModel;

/// <summary>The transport protocol of an endpoint.</summary>
public enum EndpointProtocol
{
    /// <summary>TCP.</summary>
    Tcp,
    /// <summary>UDP.</summary>
    Udp,
}
