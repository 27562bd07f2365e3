using System.Text.Json.Serialization;
using k8s.Models;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Source-generated System.Text.Json for the objects Servarr writes (KubernetesClient's models carry the wire names),
/// so publishing needs no reflection and the AppHost still compiles to a native executable.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(V1Job))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1PersistentVolumeClaim))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1NetworkPolicy))]
[JsonSerializable(typeof(TraefikIngressRoute))]
[JsonSerializable(typeof(TraefikIngressRouteTcp))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
