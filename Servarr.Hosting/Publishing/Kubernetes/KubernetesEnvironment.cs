using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Environment variables for Kubernetes: literals inline; a parameter read from the <c>servarr-settings</c> ConfigMap or,
/// when secret, the <c>servarr-secrets</c> Secret (both made by kustomize generators from env files); text that mixes
/// them uses Kubernetes' <c>$(VAR)</c> expansion of variables declared before it. Endpoints render as the Service that
/// answers in the namespace (<c>http://gluetun:8989</c> for an app behind the VPN), or as <c>localhost</c> when their
/// owner shares the pod with the container that uses them (Sonarr to qBittorrent, both behind gluetun).
/// </summary>
public static class KubernetesEnvironment
{
    /// <summary>The Secret generated from <c>secrets.env</c>.</summary>
    public const string SecretName = "servarr-secrets";

    /// <summary>The ConfigMap generated from <c>settings.env</c>.</summary>
    public const string SettingsName = "servarr-settings";

    /// <summary>The env-file key of a parameter (the same name as in compose's <c>.env</c>).</summary>
    public static string Key(ParameterResource parameter) => Compose.ComposeExpressions.VariableName(parameter);

    /// <summary>Maps a resource's environment; the result keeps Kubernetes' order rule (a variable before its use).</summary>
    public static IList<V1EnvVar> Map(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var helpers = new List<V1EnvVar>();
        var variables = new List<V1EnvVar>();
        foreach (var (name, expression) in EnvironmentEvaluator.Evaluate(container, ServarrExecution.Publish))
        {
            if (expression.Parts is [ParameterResource only])
            {
                variables.Add(new V1EnvVar { Name = name, ValueFrom = From(only) });
                continue;
            }

            var value = expression.Render(reference => reference switch
            {
                ParameterResource parameter => Helper(parameter, helpers),
                EndpointReferenceExpression endpoint => Address(endpoint, container),
                _ => throw new InvalidOperationException($"resource '{container.Name}': Kubernetes publishing cannot render a {reference.GetType().Name} in {name}"),
            }, literal => literal.Replace("$", "$$", StringComparison.Ordinal)); // Kubernetes reads $$ as $
            variables.Add(new V1EnvVar { Name = name, Value = value });
        }

        return [.. helpers, .. variables];
    }

    /// <summary>
    /// How <paramref name="user"/> reaches the endpoint of <paramref name="reference"/>: at <c>localhost</c> when both
    /// are in one pod (a VPN gateway and the apps behind it share its network), else through the owner's Service.
    /// </summary>
    /// <example><code>Address(qbittorrent.GetEndpoint("http").Url, sonarr) // "http://localhost:8080" when both are behind gluetun</code></example>
    public static string Address(EndpointReferenceExpression reference, ContainerResource user)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(user);
        var owner = reference.Endpoint.Resource;
        return InNetworkAddress.Render(reference, ReferenceEquals(Pod(owner), Pod(user)) ? "localhost" : owner.GetNetworkHost());
    }

    /// <summary>
    /// The VPN gateway's environment with its outbound-subnets <paramref name="variable"/> (comma-separated CIDRs; Gluetun's
    /// <c>FIREWALL_OUTBOUND_SUBNETS</c>) extended by the cluster's pod and Service ranges: its firewall drops what is not VPN
    /// traffic, Services and the cluster's DNS included.
    /// </summary>
    public static List<V1EnvVar> WithClusterOutbound(IList<V1EnvVar> env, string variable, KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        ArgumentNullException.ThrowIfNull(options);
        var cluster = $"{options.PodCidr},{options.ServiceCidr}";
        var list = env.ToList();
        var index = list.FindIndex(e => e.Name == variable);
        if (index < 0)
        {
            list.Add(new V1EnvVar { Name = variable, Value = cluster });
        }
        else if (list[index].ValueFrom is null)
        {
            list[index] = new V1EnvVar { Name = variable, Value = string.IsNullOrEmpty(list[index].Value) ? cluster : $"{list[index].Value},{cluster}" };
        }
        else
        {
            // The model's value comes from a parameter: keep it under another name and extend it ($(VAR) is expanded in order).
            list[index] = new V1EnvVar { Name = $"SERVARR_{variable}", ValueFrom = list[index].ValueFrom };
            list.Add(new V1EnvVar { Name = variable, Value = $"$(SERVARR_{variable}),{cluster}" });
        }

        return list;
    }

    private static IResource Pod(IResource resource) => resource.GetVpnGateway() ?? resource;

    private static string Helper(ParameterResource parameter, List<V1EnvVar> helpers)
    {
        var name = $"SERVARR_PARAM_{Key(parameter)}";
        if (helpers.All(h => h.Name != name))
        {
            helpers.Add(new V1EnvVar { Name = name, ValueFrom = From(parameter) });
        }

        return $"$({name})";
    }

    private static V1EnvVarSource From(ParameterResource parameter) => parameter.Secret
        ? new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Key = Key(parameter), Name = SecretName } }
        : new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Key = Key(parameter), Name = SettingsName } };
}
