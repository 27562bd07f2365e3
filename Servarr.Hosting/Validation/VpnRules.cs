using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// <c>WithVpn</c> targets a VPN gateway that is not itself behind a VPN, and an app behind the VPN neither publishes
/// its own host port nor joins networks: it lives in the gateway's namespace.
/// </summary>
internal static class VpnRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var container in context.Model.Containers)
        {
            if (container.GetVpnGateway() is not { } gateway)
            {
                continue;
            }

            if (gateway is not IVpnGatewayResource)
            {
                context.Report(container, $"WithVpn('{gateway.Name}'): '{gateway.Name}' is not a VPN gateway; pass the resource from builder.AddGluetun(...)");
            }
            else if (gateway.GetVpnGateway() is { } outer)
            {
                context.Report(container, $"WithVpn('{gateway.Name}'): '{gateway.Name}' is itself behind the VPN '{outer.Name}'; use WithVpn({outer.Name}) directly");
            }

            foreach (var endpoint in container.GetEndpointAnnotations().Where(e => e.Port is not null))
            {
                context.Report(container, $"is behind the VPN '{gateway.Name}' and cannot publish host port {endpoint.Port} itself (endpoint '{endpoint.Name}'); drop port: — other apps reach it at http://{gateway.Name}:{endpoint.TargetPort}");
            }

            foreach (var network in container.Annotations.OfType<NetworkAttachmentAnnotation>())
            {
                context.Report(container, $"is behind the VPN '{gateway.Name}' and cannot join network '{network.Network.Name}'; remove WithNetwork — put '{gateway.Name}' on that network instead");
            }
        }
    }
}
