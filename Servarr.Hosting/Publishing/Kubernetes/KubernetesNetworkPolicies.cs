using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// The model's network zones as NetworkPolicies (only when the model declares networks): ingress is denied by default,
/// a pod accepts connections from pods that share one of its zones (label <c>zone.servarr.io/&lt;zone&gt;</c>), and the
/// pods Traefik routes to accept Traefik's pods from Traefik's namespace (<c>Kubernetes:TraefikNamespace</c>). Egress stays open: apps reach the internet.
/// </summary>
internal static class KubernetesNetworkPolicies
{
    public const string ZoneLabelPrefix = "zone.servarr.io/";

    /// <summary>The zone labels of the pod whose primary container is <paramref name="primary"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> PodLabels(NetworkZones zones, ContainerResource primary) =>
        zones.Of(primary).Select(z => KeyValuePair.Create(ZoneLabelPrefix + z, "true"));

    public static IReadOnlyList<V1NetworkPolicy> For(DistributedApplicationModel model, KubernetesOptions options)
    {
        if (!model.Networks.Any())
        {
            return [];
        }

        var zones = new NetworkZones(model);
        var policies = new List<V1NetworkPolicy>
        {
            Policy("default-deny-ingress", new V1LabelSelector(), options, []),
        };
        foreach (var zone in zones.All)
        {
            var members = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [ZoneLabelPrefix + zone] = "true" } };
            policies.Add(Policy($"zone-{zone}", members, options, [new V1NetworkPolicyPeer { PodSelector = members }]));
        }

        var routed = TraefikRoutes.RoutedPods(model);
        if (routed.Count > 0)
        {
            var pods = new V1LabelSelector
            {
                MatchExpressions = [new V1LabelSelectorRequirement { Key = "app.kubernetes.io/name", OperatorProperty = "In", Values = [.. routed] }],
            };
            var traefik = new V1NetworkPolicyPeer
            {
                // Traefik's own namespace only (the label every namespace gets automatically since Kubernetes 1.21, GA 1.22):
                // a pod labelled app.kubernetes.io/name=traefik in any other namespace is not let in.
                NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = options.TraefikNamespace } },
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "traefik" } },
            };
            policies.Add(Policy("from-traefik", pods, options, [traefik]));
        }

        return policies;
    }

    private static V1NetworkPolicy Policy(string name, V1LabelSelector pods, KubernetesOptions options, IList<V1NetworkPolicyPeer> from) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = options.Namespace, Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "servarr" } },
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = pods,
            PolicyTypes = ["Ingress"],
            Ingress = from.Count == 0 ? null : [new V1NetworkPolicyIngressRule { FromProperty = from }],
        },
    };
}
