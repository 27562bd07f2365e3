namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Who shares which network namespace (<c>WithVpn</c>): a gateway listens on its own ports and on those of every app
/// behind it, and an app behind a gateway listens on nothing of its own. Built once per model, so lookups stay linear.
/// </summary>
public sealed class NetworkNamespaces
{
    private readonly ILookup<IResource, ContainerResource> _behind;

    /// <summary>Indexes <paramref name="model"/>.</summary>
    public NetworkNamespaces(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _behind = model.Containers.Where(c => c.GetVpnGateway() is not null).ToLookup(c => c.GetVpnGateway()!);
    }

    /// <summary>Every gateway that has apps behind it, with those apps.</summary>
    public IEnumerable<IGrouping<IResource, ContainerResource>> Shared => _behind;

    /// <summary>
    /// The endpoints published or exposed through <paramref name="container"/>'s namespace, with the app that owns each:
    /// its own and, for a gateway, its apps'; none for an app behind a gateway.
    /// </summary>
    public IReadOnlyList<(ContainerResource Owner, EndpointAnnotation Endpoint)> Listeners(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.GetVpnGateway() is not null)
        {
            return [];
        }

        return container.GetEndpointAnnotations().Select(e => (container, e))
            .Concat(_behind[container].SelectMany(app => app.GetEndpointAnnotations().Select(e => (app, e))))
            .ToList();
    }
}
