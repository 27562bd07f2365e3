namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container joins <see cref="Network"/>.</summary>
public sealed class NetworkAttachmentAnnotation : IResourceAnnotation
{
    /// <summary>Records a network membership.</summary>
    public NetworkAttachmentAnnotation(NetworkResource network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The network.</summary>
    public NetworkResource Network { get; }
}
