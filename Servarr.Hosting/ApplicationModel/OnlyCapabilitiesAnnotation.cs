namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The container runs with every Linux capability dropped except <see cref="Kept"/> — those of Docker's defaults its
/// image needs (e.g. a LinuxServer image's <c>CHOWN</c>, <c>SETUID</c>, <c>SETGID</c> to take over its config folder and
/// drop to PUID) — plus what <see cref="CapabilityAnnotation"/>s add. Compose writes <c>cap_drop: [ALL]</c> and
/// <c>cap_add</c>, Kubernetes <c>capabilities: {drop: [ALL], add: [...]}</c>, run mode <c>--cap-drop ALL</c>. A container
/// without it keeps the engine's defaults, and <c>doctor</c> says so.
/// </summary>
/// <example><code>sonarr.WithAnnotation(new OnlyCapabilitiesAnnotation(["CHOWN", "SETUID", "SETGID"])); // what .WithOnlyCapabilities(...) records</code></example>
public sealed class OnlyCapabilitiesAnnotation : IResourceAnnotation
{
    /// <summary>Records the capabilities kept; names as in capabilities(7), with or without <c>CAP_</c>.</summary>
    public OnlyCapabilitiesAnnotation(IEnumerable<string> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        Kept = [.. kept.Select(k => new CapabilityAnnotation(k).Capability).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The capabilities kept, without <c>CAP_</c>, in declaration order; empty: none.</summary>
    public IReadOnlyList<string> Kept { get; }
}

/// <summary>What a container's capabilities come to, whichever engine runs it.</summary>
/// <param name="DropsAll">Whether every capability is dropped first (<see cref="OnlyCapabilitiesAnnotation"/>).</param>
/// <param name="Added">Capabilities added (after the drop, when there is one): the kept ones, then the added ones.</param>
public sealed record CapabilitySet(bool DropsAll, IReadOnlyList<string> Added)
{
    /// <summary>The set of <paramref name="container"/>.</summary>
    /// <example><code>CapabilitySet.Of(gluetun) // DropsAll: false, Added: [NET_ADMIN]</code></example>
    public static CapabilitySet Of(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var only = container.Annotations.OfType<OnlyCapabilitiesAnnotation>().LastOrDefault();
        return new CapabilitySet(only is not null,
            [.. (only?.Kept ?? []).Concat(container.Annotations.OfType<CapabilityAnnotation>().Select(c => c.Capability)).Distinct(StringComparer.Ordinal)]);
    }
}
