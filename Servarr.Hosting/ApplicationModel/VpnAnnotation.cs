namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The container shares the network namespace of <see cref="Gateway"/> (compose <c>network_mode: service:gluetun</c>):
/// its ports are published on the gateway and other apps reach it at the gateway's name.
/// </summary>
public sealed class VpnAnnotation : IResourceAnnotation
{
    /// <summary>Records the shared namespace. The validator checks the gateway really is a VPN gateway.</summary>
    public VpnAnnotation(IResource gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        Gateway = gateway;
    }

    /// <summary>The resource whose network namespace is shared.</summary>
    public IResource Gateway { get; }
}
