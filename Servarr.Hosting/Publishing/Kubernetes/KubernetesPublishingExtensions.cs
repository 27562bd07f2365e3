namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>The Kubernetes publisher's escape hatch for one resource.</summary>
public static class KubernetesPublishingExtensions
{
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
