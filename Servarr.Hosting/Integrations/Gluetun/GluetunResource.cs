namespace Servarr.Hosting.ApplicationModel;

/// <summary>Gluetun: a VPN client whose network namespace other apps share, with a kill switch.</summary>
/// <param name="name">The resource name.</param>
public sealed class GluetunResource(string name) : ContainerResource(name), IVpnGatewayResource
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "control";
}
