using k8s;
using k8s.Models;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>Changes the Kubernetes objects Servarr wrote for a resource's pod (Deployment or Job, Service, claims — the claims go to <c>claims.yaml</c>, once) before they are written.</summary>
public sealed class KubernetesCustomizationAnnotation : IResourceAnnotation
{
    /// <summary>Records <paramref name="configure"/>.</summary>
    public KubernetesCustomizationAnnotation(Action<ContainerResource, IList<IKubernetesObject<V1ObjectMeta>>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Configure = configure;
    }

    /// <summary>The change: the resource and its pod's objects (add, remove or edit them).</summary>
    public Action<ContainerResource, IList<IKubernetesObject<V1ObjectMeta>>> Configure { get; }
}
