namespace Servarr.Hosting.Publishing.Compose;

/// <summary>The compose publisher's escape hatch for one resource.</summary>
public static class ComposePublishingExtensions
{
    /// <summary>Changes this resource's compose service after Servarr has built it.</summary>
    /// <example>
    /// <code>
    /// plex.PublishAsComposeService((resource, service) => service.Devices = ["/dev/dri:/dev/dri"]);
    /// </code>
    /// </example>
    public static IResourceBuilder<T> PublishAsComposeService<T>(this IResourceBuilder<T> builder,
        Action<ContainerResource, ComposeService> configure) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ComposeServiceCustomizationAnnotation(configure));
    }
}
