namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Which networks ("zones") each container is on, and so who can reach whom. An app behind a VPN gateway is where its
/// gateway is; a container that joins no network with <c>WithNetwork</c> is on the stack's default network. Two
/// containers reach each other when they share a namespace or a zone.
/// </summary>
/// <example>
/// <code>
/// var zones = new NetworkZones(model);
/// zones.CanReach(cloudflared, sonarr); // false in the default stack: sonarr is only on `internal`
/// </code>
/// </example>
public sealed class NetworkZones
{
    /// <summary>The name shown for the stack's default network.</summary>
    public const string DefaultZone = "default";

    private readonly Dictionary<ContainerResource, IReadOnlyList<string>> _zones = new(ReferenceEqualityComparer.Instance);

    /// <summary>Indexes <paramref name="model"/>.</summary>
    public NetworkZones(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var container in model.Containers)
        {
            var joined = container.Annotations.OfType<NetworkAttachmentAnnotation>().Select(n => n.Network.Name).Distinct().ToList();
            _zones[container] = joined.Count == 0 ? [DefaultZone] : joined;
        }
    }

    /// <summary>The zones <paramref name="container"/> is on (its gateway's, for an app behind a VPN).</summary>
    public IReadOnlyList<string> Of(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return _zones.TryGetValue(Owner(container), out var zones) ? zones : [DefaultZone];
    }

    /// <summary>Whether <paramref name="from"/> can open a connection to <paramref name="to"/>.</summary>
    public bool CanReach(ContainerResource from, ContainerResource to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Owner(from) == Owner(to) || Of(from).Intersect(Of(to), StringComparer.Ordinal).Any();
    }

    /// <summary>The containers that own a namespace on <paramref name="zone"/> (apps behind a gateway are left out).</summary>
    public IReadOnlyList<ContainerResource> Members(string zone) =>
        _zones.Where(z => z.Key.GetVpnGateway() is null && z.Value.Contains(zone, StringComparer.Ordinal)).Select(z => z.Key).ToList();

    /// <summary>Every zone in use, in first-use order.</summary>
    public IReadOnlyList<string> All => _zones.Where(z => z.Key.GetVpnGateway() is null).SelectMany(z => z.Value).Distinct().ToList();

    private static ContainerResource Owner(ContainerResource container) => container.GetVpnGateway() as ContainerResource ?? container;
}
