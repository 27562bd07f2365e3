namespace Servarr.Hosting.ApplicationModel;

/// <summary>A Linux capability added to the container, e.g. <c>NET_ADMIN</c>.</summary>
public sealed class CapabilityAnnotation : IResourceAnnotation
{
    /// <summary>Records a capability.</summary>
    public CapabilityAnnotation(string capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        var name = capability.ToUpperInvariant();
        Capability = name.StartsWith("CAP_", StringComparison.Ordinal) ? name[4..] : name;
        if (Capability.Length == 0 || !Capability.All(c => c is (>= 'A' and <= 'Z') or '_'))
        {
            throw new ArgumentException($"'{capability}' is not a Linux capability name; pass one like \"NET_ADMIN\" (see capabilities(7))", nameof(capability));
        }
    }

    /// <summary>The capability without its <c>CAP_</c> prefix.</summary>
    public string Capability { get; }
}
