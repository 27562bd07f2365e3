using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing.Compose;

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

    /// <summary>Changes the Kubernetes objects of this resource's pod (Deployment or Job, Service, claims) after Servarr has built them; a claim is one object shared by every pod that mounts it, written to <c>claims.yaml</c>.</summary>
    /// <example>
    /// <code>
    /// plex.PublishAsKubernetes((resource, objects) =>
    /// {
    ///     var deployment = objects.OfType&lt;k8s.Models.V1Deployment&gt;().Single();
    ///     deployment.Spec.Template.Spec.NodeSelector = new Dictionary&lt;string, string&gt; { ["gpu"] = "intel" };
    /// });
    /// </code>
    /// </example>
    public static IResourceBuilder<T> PublishAsKubernetes<T>(this IResourceBuilder<T> builder,
        Action<ContainerResource, IList<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>>> configure) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new KubernetesCustomizationAnnotation(configure));
    }

}
