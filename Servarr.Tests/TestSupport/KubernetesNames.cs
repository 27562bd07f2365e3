using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// The Kubernetes API server's naming rules, checked on every object of YAML files, so a name it would refuse fails a
/// test instead of a <c>kubectl apply</c>. The rules are those of kubernetes/apimachinery
/// <c>pkg/util/validation/validation.go</c> (IsValidPortName, IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label,
/// IsQualifiedName, IsValidLabelValue, IsEnvVarName, IsConfigMapKey) as kubernetes/kubernetes
/// <c>pkg/apis/core/validation/validation.go</c> applies them: object names are DNS-1123 subdomains (a Service's and a
/// Namespace's are labels; a Service's a DNS-1035 label, starting with a letter); container and volume names DNS-1123
/// labels, unique in the pod; port names IANA service names, unique across the pod's containers (the API server
/// checks per container; a pod-wide name is what a Service's <c>targetPort</c> can name) and per Service (where the
/// API server asks only for a DNS-1123 label; checked as a port name, the stricter rule); label and annotation keys
/// qualified names; label values; env var names; ConfigMap/Secret names and data keys. Written from those rules, not
/// copied; the YAML is walked generically (YamlDotNet's representation model), so no typed model hides a field.
/// </summary>
internal static partial class KubernetesNames
{
    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex PortNamePattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123LabelPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123SubdomainPattern();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035LabelPattern();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePattern();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVarNamePattern();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigMapKeyPattern();

    /// <summary>Null when <paramref name="name"/> is a valid port name, else why not.</summary>
    public static string? PortName(string name) =>
        name.Length is 0 or > 15 ? "must be 1-15 characters"
        : !PortNamePattern().IsMatch(name) ? "must be lowercase letters, digits and '-', starting and ending with a letter or digit"
        : name.Contains("--", StringComparison.Ordinal) ? "must not contain two adjacent hyphens"
        : !name.Any(char.IsAsciiLetterLower) ? "must contain at least one letter"
        : null;

    /// <summary>Null when <paramref name="name"/> is a DNS-1123 label (at most 63 characters).</summary>
    public static string? Dns1123Label(string name) =>
        name.Length is 0 or > 63 || !Dns1123LabelPattern().IsMatch(name) ? "must be a DNS-1123 label (1-63 lowercase letters, digits, '-', alphanumeric at both ends)" : null;

    /// <summary>Null when <paramref name="name"/> is a DNS-1123 subdomain (at most 253 characters).</summary>
    public static string? Dns1123Subdomain(string name) =>
        name.Length is 0 or > 253 || !Dns1123SubdomainPattern().IsMatch(name) ? "must be a DNS-1123 subdomain (1-253 characters, dot-separated labels)" : null;

    /// <summary>Null when <paramref name="name"/> is a DNS-1035 label (a DNS-1123 label that starts with a letter).</summary>
    public static string? Dns1035Label(string name) =>
        name.Length is 0 or > 63 || !Dns1035LabelPattern().IsMatch(name) ? "must be a DNS-1035 label (1-63 lowercase letters, digits, '-', starting with a letter)" : null;

    /// <summary>Null when <paramref name="key"/> is a qualified name (label and annotation keys): <c>[prefix/]name</c>.</summary>
    public static string? QualifiedName(string key)
    {
        var parts = key.Split('/');
        if (parts.Length > 2)
        {
            return "must be a qualified name ([DNS subdomain/]name) with at most one '/'";
        }

        if (parts.Length == 2 && (parts[0].Length == 0 || Dns1123Subdomain(parts[0]) is not null))
        {
            return "must have a DNS-1123 subdomain as its prefix";
        }

        var name = parts[^1];
        return name.Length is 0 or > 63 ? $"must have a name part of 1-63 characters (has {name.Length})"
            : !QualifiedNamePattern().IsMatch(name) ? "must have a name part of letters, digits, '-', '_', '.', alphanumeric at both ends"
            : null;
    }

    /// <summary>Null when <paramref name="value"/> is a valid label value (at most 63 characters, may be empty).</summary>
    public static string? LabelValue(string value) =>
        value.Length > 63 || !LabelValuePattern().IsMatch(value) ? "must be a label value (at most 63 letters, digits, '-', '_', '.', alphanumeric at both ends)" : null;

    /// <summary>Null when <paramref name="name"/> is a valid environment variable name.</summary>
    public static string? EnvVarName(string name) =>
        EnvVarNamePattern().IsMatch(name) ? null : "must be an env var name (letters, digits, '_', '-', '.', not starting with a digit)";

    /// <summary>Null when <paramref name="key"/> is a valid ConfigMap or Secret data key.</summary>
    public static string? ConfigMapKey(string key) =>
        key.Length is > 0 and <= 253 && ConfigMapKeyPattern().IsMatch(key) ? null : "must be a data key (1-253 letters, digits, '-', '_', '.')";

    /// <summary>Every naming error of the objects in the <c>*.yaml</c> files under <paramref name="folder"/> (kustomization.yaml and Helm values left out).</summary>
    public static IReadOnlyList<string> CheckTree(string folder) =>
        Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml" && !Path.GetFileName(f).Contains("values", StringComparison.Ordinal))
            .SelectMany(f => Check(File.ReadAllText(f), Path.GetRelativePath(folder, f))).ToList();

    /// <summary>Every naming error of the objects (documents with a <c>kind</c>) in <paramref name="yaml"/>; <paramref name="source"/> names it in the messages.</summary>
    public static IReadOnlyList<string> Check(string yaml, string source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var errors = new List<string>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") is not { } kind)
            {
                continue;
            }

            var name = Scalar(Child(root, "metadata"), "name") ?? "";
            var checker = new ObjectChecker($"{source} {kind}/{name}", errors);
            checker.Name("metadata.name", name, kind switch
            {
                "Service" => Dns1035Label,
                "Namespace" => Dns1123Label,
                _ => Dns1123Subdomain,
            });
            if (Scalar(Child(root, "metadata"), "namespace") is { } ns)
            {
                checker.Name("metadata.namespace", ns, Dns1123Label);
            }

            if (kind == "Service")
            {
                checker.ServicePorts(Child(Child(root, "spec"), "ports") as YamlSequenceNode);
                checker.Labels("spec.selector", Child(Child(root, "spec"), "selector") as YamlMappingNode);
            }

            if (kind is "ConfigMap" or "Secret")
            {
                foreach (var key in new[] { "data", "stringData", "binaryData" }.SelectMany(k => Keys(Child(root, k))))
                {
                    checker.Name("data key", key, ConfigMapKey);
                }
            }

            checker.Walk(root, "");
        }

        return errors;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) => Child(node, key) is YamlScalarNode { Value: { } value } ? value : null;

    private static IEnumerable<string> Keys(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") : [];

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    private sealed class ObjectChecker(string subject, List<string> errors)
    {
        public void Name(string field, string value, Func<string, string?> rule)
        {
            if (rule(value) is { } problem)
            {
                errors.Add($"{subject}: {field} '{value}' {problem}");
            }
        }

        public void Labels(string field, YamlMappingNode? labels)
        {
            foreach (var (key, value) in labels?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                Name($"{field} key", ((YamlScalarNode)key).Value ?? "", QualifiedName);
                Name($"{field}[{key}]", (value as YamlScalarNode)?.Value ?? "", LabelValue);
            }
        }

        public void ServicePorts(YamlSequenceNode? ports)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in Items(ports).Select(p => Scalar(p, "name")))
            {
                if (name is null && ports!.Children.Count > 1)
                {
                    errors.Add($"{subject}: spec.ports: a Service with several ports must name each one");
                }
                else if (name is not null)
                {
                    Name("spec.ports name", name, PortName);
                    Unique(seen, name, $"spec.ports name '{name}' is used twice in the Service");
                }
            }
        }

        private void Unique(HashSet<string> seen, string name, string problem)
        {
            if (!seen.Add(name))
            {
                errors.Add($"{subject}: {problem}");
            }
        }

        // Every metadata (labels, annotations), label selector and pod spec, wherever it is nested (templates, jobTemplates).
        public void Walk(YamlNode node, string path)
        {
            if (node is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                {
                    Walk(item, path + "[]");
                }

                return;
            }

            if (node is not YamlMappingNode map)
            {
                return;
            }

            if (Child(map, "metadata") is YamlMappingNode metadata)
            {
                Labels($"{path}metadata.labels", Child(metadata, "labels") as YamlMappingNode);
                foreach (var key in Keys(Child(metadata, "annotations")))
                {
                    Name($"{path}metadata.annotations key", key, QualifiedName);
                }
            }

            Labels($"{path}matchLabels", Child(map, "matchLabels") as YamlMappingNode);
            foreach (var expression in Items(Child(map, "matchExpressions")))
            {
                Name($"{path}matchExpressions key", Scalar(expression, "key") ?? "", QualifiedName);
            }

            if (Child(map, "containers") is YamlSequenceNode)
            {
                PodSpec(map, path);
            }

            foreach (var (key, child) in map.Children)
            {
                Walk(child, $"{path}{key}.");
            }
        }

        private void PodSpec(YamlMappingNode pod, string path)
        {
            var containers = Items(Child(pod, "initContainers")).Concat(Items(Child(pod, "containers"))).ToList();
            var containerNames = new HashSet<string>(StringComparer.Ordinal);
            var portNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var container in containers)
            {
                var name = Scalar(container, "name") ?? "";
                Name($"{path}container name", name, Dns1123Label);
                Unique(containerNames, name, $"container name '{name}' is used twice in the pod");

                foreach (var port in Items(Child(container, "ports")).Select(p => Scalar(p, "name")).OfType<string>())
                {
                    Name($"container {name} port name", port, PortName);
                    Unique(portNames, port, $"port name '{port}' (container {name}) is used twice in the pod");
                }

                foreach (var env in Items(Child(container, "env")))
                {
                    Name($"container {name} env name", Scalar(env, "name") ?? "", EnvVarName);
                    foreach (var reference in new[] { "configMapKeyRef", "secretKeyRef" }.Select(r => Child(Child(env, "valueFrom"), r)).OfType<YamlMappingNode>())
                    {
                        Name($"container {name} env reference", Scalar(reference, "name") ?? "", Dns1123Subdomain);
                        Name($"container {name} env reference key", Scalar(reference, "key") ?? "", ConfigMapKey);
                    }
                }
            }

            var volumeNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var volume in Items(Child(pod, "volumes")))
            {
                var name = Scalar(volume, "name") ?? "";
                Name($"{path}volume name", name, Dns1123Label);
                Unique(volumeNames, name, $"volume name '{name}' is used twice in the pod");

                foreach (var source in new[] { Scalar(Child(volume, "configMap"), "name"), Scalar(Child(volume, "secret"), "secretName"), Scalar(Child(volume, "persistentVolumeClaim"), "claimName") }.OfType<string>())
                {
                    Name($"volume {name} source", source, Dns1123Subdomain);
                }
            }

            foreach (var mount in containers.SelectMany(c => Items(Child(c, "volumeMounts"))).Select(m => Scalar(m, "name") ?? ""))
            {
                if (!volumeNames.Contains(mount))
                {
                    errors.Add($"{subject}: volumeMount '{mount}' names no volume of the pod");
                }
            }
        }
    }
}
