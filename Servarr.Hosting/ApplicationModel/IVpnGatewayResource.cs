namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A container whose network namespace other containers may share (<c>WithVpn</c>), so their traffic
/// leaves only through its tunnel. Gluetun is the one the stack uses.
/// </summary>
public interface IVpnGatewayResource : IResourceWithEndpoints;
