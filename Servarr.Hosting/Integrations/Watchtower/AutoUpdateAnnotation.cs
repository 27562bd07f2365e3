namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Opts the container in to Watchtower (which runs in label-enable mode): it carries
/// <see cref="EnableLabel"/><c>=true</c>, and the validator refuses it on an image pinned by digest.
/// </summary>
public sealed class AutoUpdateAnnotation : IResourceAnnotation
{
    /// <summary>The label Watchtower's label-enable mode looks for.</summary>
    public const string EnableLabel = "com.centurylinklabs.watchtower.enable";
}
