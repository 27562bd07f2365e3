using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Manifest;

namespace Servarr.Hosting;

/// <summary>Escape hatches for one resource in one publisher.</summary>
public static class PublishingBuilderExtensions
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

    /// <summary>Writes this resource's manifest entry yourself; <c>context.WriteDefault()</c> writes what Servarr would.</summary>
    /// <example>
    /// <code>
    /// app.WithManifestPublishingCallback(context => context.WriteDefault());
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithManifestPublishingCallback<T>(this IResourceBuilder<T> builder,
        Action<ManifestPublishingContext> callback) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ManifestPublishingCallbackAnnotation(callback), ResourceAnnotationMutationBehavior.Replace);
    }
}
