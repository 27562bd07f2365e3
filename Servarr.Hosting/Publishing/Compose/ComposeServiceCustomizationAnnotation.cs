
namespace Servarr.Hosting.Publishing.Compose;

/// <summary>Changes a resource's compose service after Servarr has built it (<c>PublishAsComposeService</c>).</summary>
public sealed class ComposeServiceCustomizationAnnotation : IResourceAnnotation
{
    /// <summary>Records a customisation.</summary>
    public ComposeServiceCustomizationAnnotation(Action<ContainerResource, ComposeService> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Configure = configure;
    }

    /// <summary>The callback.</summary>
    public Action<ContainerResource, ComposeService> Configure { get; }
}
