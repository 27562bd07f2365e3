namespace Servarr.Hosting.ApplicationModel;

/// <summary>One property (URL, host, port...) of an endpoint, usable inside an interpolated environment value.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Property">Which part of its address.</param>
public sealed record EndpointPropertyReference(EndpointReference Endpoint, EndpointProperty Property) : IValueReference
{
    IResource IValueReference.Owner => Endpoint.Resource;
}
