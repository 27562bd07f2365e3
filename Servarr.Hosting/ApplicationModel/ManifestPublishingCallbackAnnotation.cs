using Servarr.Hosting.Publishing.Manifest;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>Writes a resource's manifest entry instead of the default writer (<c>WithManifestPublishingCallback</c>).</summary>
public sealed class ManifestPublishingCallbackAnnotation : IResourceAnnotation
{
    /// <summary>Records a callback.</summary>
    public ManifestPublishingCallbackAnnotation(Action<ManifestPublishingContext> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    /// <summary>The callback; it writes the properties of the resource's JSON object.</summary>
    public Action<ManifestPublishingContext> Callback { get; }
}
