namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>
/// How a VPN app's endpoints work although Aspire's orchestrator does not run the app: before the orchestrator looks at
/// the model, the app's image and endpoints are put aside and the gateway gets one endpoint per app endpoint
/// (<see cref="VpnNames.MirrorEndpointName"/>, same target port) plus a network alias with the app's name. Once the
/// orchestrator has allocated the gateway's endpoints, the app's endpoints come back, allocated to the gateway's:
/// <c>localhost:&lt;gateway host port&gt;</c> for the host, <c>&lt;gateway&gt;:&lt;target port&gt;</c> on Aspire's
/// container network — what compose writes (<c>InNetworkAddress</c>); the app's alias answers too.
/// A UDP endpoint is not mirrored: Aspire's orchestrator matches a container's ports to its services by port number, so a
/// UDP and a TCP mirror of one port (qBittorrent's 6881) made it report two endpoints for one service and stop watching
/// endpoints (<c>Sequence contains more than one matching element</c>). Nothing on the host needs it: peers reach a VPN
/// app through the VPN's forwarded port, never through a host port. It keeps its address on the container network.
/// </summary>
internal static class VpnEndpoints
{
    /// <summary>Takes the app's image and endpoints away and makes the gateway publish them (run mode, BeforeStartEvent).</summary>
    public static VpnStash Stash(ContainerResource app, IResource gateway)
    {
        var image = app.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new InvalidOperationException($"'{app.Name}' has no image.");
        var endpoints = app.Annotations.OfType<EndpointAnnotation>().ToList();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.TargetPort is null)
            {
                throw new InvalidOperationException($"Endpoint '{endpoint.Name}' of VPN app '{app.Name}' needs a target port: the gateway publishes it.");
            }

            if (!IsMirrored(endpoint))
            {
                continue;
            }

            gateway.Annotations.Add(new EndpointAnnotation(endpoint.Protocol, endpoint.UriScheme, endpoint.Transport,
                VpnNames.MirrorEndpointName(app.Name, endpoint.Name), endpoint.Port, endpoint.TargetPort, endpoint.IsExternal, endpoint.IsProxied));
        }

        gateway.Annotations.Add(new ContainerNetworkAliasAnnotation(app.Name));
        foreach (var annotation in app.Annotations.OfType<ContainerImageAnnotation>().Cast<IResourceAnnotation>().Concat(endpoints).ToList())
        {
            app.Annotations.Remove(annotation);
        }

        return new VpnStash(image, endpoints);
    }

    /// <summary>Gives the app its image and endpoints back, allocated to the gateway's endpoints (waits for their allocation).</summary>
    public static async Task RestoreAsync(ContainerResource app, VpnStash stash, IResource gateway, CancellationToken cancellationToken)
    {
        var mirrors = gateway.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var endpoint in stash.Endpoints)
        {
            if (!IsMirrored(endpoint))
            {
                endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
                    InContainerNetwork(endpoint, gateway));
                continue;
            }

            var mirror = mirrors[VpnNames.MirrorEndpointName(app.Name, endpoint.Name)];
            var onHost = await mirror.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.LocalhostNetwork, cancellationToken)
                .ConfigureAwait(false);
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, onHost.Address, onHost.Port, EndpointBindingMode.SingleAddress, null,
                KnownNetworkIdentifiers.LocalhostNetwork);
            endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
                InContainerNetwork(endpoint, gateway));
        }

        // From here on the app is an ordinary container again for Aspire's value resolution (container network context).
        foreach (var annotation in new IResourceAnnotation[] { stash.Image }.Concat(stash.Endpoints))
        {
            if (!app.Annotations.Contains(annotation))
            {
                app.Annotations.Add(annotation);
            }
        }
    }

    /// <summary>Whether the gateway publishes <paramref name="endpoint"/> on the host: every endpoint but a UDP one.</summary>
    public static bool IsMirrored(EndpointAnnotation endpoint) => endpoint.Protocol != System.Net.Sockets.ProtocolType.Udp;

    /// <summary>The app's endpoint as other containers on Aspire's network see it: <c>&lt;gateway&gt;:&lt;target port&gt;</c>.</summary>
    /// <example><code>InContainerNetwork(sonarrHttp, gluetun) // gluetun:8989</code></example>
    public static AllocatedEndpoint InContainerNetwork(EndpointAnnotation endpoint, IResource gateway) =>
        new(endpoint, gateway.Name, endpoint.TargetPort!.Value, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.DefaultAspireContainerNetwork);
}

/// <summary>
/// What Servarr took away from a VPN app before Aspire's orchestrator looked at the model: its image (so the orchestrator
/// skips it) and its endpoints (so they are not mistaken for host endpoints). Both are given back once the orchestrator
/// has allocated the gateway's endpoints.
/// </summary>
/// <param name="Image">Aspire's image annotation of the app.</param>
/// <param name="Endpoints">The app's endpoints.</param>
internal sealed record VpnStash(ContainerImageAnnotation Image, IReadOnlyList<EndpointAnnotation> Endpoints)
{
    /// <summary>The image reference, <c>registry/image:tag</c> (or <c>@sha256:</c>).</summary>
    public string ImageReference => VpnNames.ImageReference(Image.Registry, Image.Image, Image.Tag, Image.SHA256);
}
