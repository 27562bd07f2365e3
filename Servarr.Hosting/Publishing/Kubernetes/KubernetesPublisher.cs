using System.Text;
using k8s;
using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// <c>publish --publisher kubernetes --output-path deploy/k8s</c>: a kustomize tree — <c>kustomization.yaml</c>, the
/// namespace, one file per pod (Deployment or Job, Service), <c>claims.yaml</c> (every PersistentVolumeClaim, once, however
/// many pods mount it), Traefik routes for Plex (HTTP for browsers, TCP
/// passthrough on the <c>plex</c> entryPoint for Plex apps) and the public apps, <c>traefik-values.yaml</c> for the
/// Traefik Helm chart, and the env files the generators read: <c>settings.env</c> (non-secret values) and
/// <c>secrets.env</c> (secret names only, values for you to fill; kept when publishing again).
/// </summary>
public sealed class KubernetesPublisher(KubernetesOptions? options = null) : IPublisher
{
    /// <inheritdoc />
    public string Name => "kubernetes";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options ?? KubernetesOptions.From(context.Configuration);
        var files = Render(context, settings, ReadIfExists(Path.Combine(context.OutputPath, "secrets.env")), ReadIfExists(Path.Combine(context.OutputPath, "settings.env")));
        var written = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(context.OutputPath, name);
            var secret = name == "secrets.env" || name.StartsWith(SecretFilesFolder, StringComparison.Ordinal);
            if (name.StartsWith(SecretFilesFolder, StringComparison.Ordinal) && File.Exists(path))
            {
                continue; // what the user put there is kept
            }

            await context.Output.WriteAsync(path, Encoding.UTF8.GetBytes(content), ownerOnly: secret, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    /// <summary>
    /// Every file of the tree, by name (pure: no I/O); <paramref name="secretsEnv"/> and <paramref name="settingsEnv"/> are the
    /// files already there. Throws <see cref="Validation.ModelValidationException"/> when a <c>PublishAsKubernetes</c> callback
    /// made a pod the model's hardening refuses (see <see cref="KubernetesHardening"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, string Content)> Render(PublishContext context, KubernetesOptions options, string? secretsEnv = null, string? settingsEnv = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<(string, string)>();
        var mapper = new KubernetesWorkloadMapper(context, options);
        var claims = new List<V1PersistentVolumeClaim>();
        var refused = new List<Validation.ValidationProblem>();
        files.Add(("namespace.yaml", Yaml(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = options.Namespace } })));
        foreach (var primary in context.Model.Containers.Where(c => c.GetVpnGateway() is null))
        {
            var workload = mapper.Map(primary);
            var objects = new List<IKubernetesObject<V1ObjectMeta>> { workload.Workload };
            if (workload.Service is not null)
            {
                objects.Add(workload.Service);
            }

            objects.AddRange(workload.Claims);
            foreach (var customize in workload.Members.SelectMany(m => m.Annotations.OfType<KubernetesCustomizationAnnotation>().Select(a => (m, a))))
            {
                customize.a.Configure(customize.m, objects);
            }

            refused.AddRange(KubernetesHardening.Check(workload.Members, objects));

            // A claim is one object however many pods mount it (the media tree, a config folder Kopia backs up): kustomize
            // refuses an id declared twice, so every claim goes to claims.yaml, once.
            foreach (var claim in objects.OfType<V1PersistentVolumeClaim>().ToList())
            {
                objects.Remove(claim);
                if (claims.All(c => c.Metadata.Name != claim.Metadata.Name))
                {
                    claims.Add(claim);
                }
            }

            var notes = workload.NotMapped.Count == 0 ? "" : string.Concat(workload.NotMapped.Select(n => $"# not mapped: {n}\n"));
            files.Add(($"{primary.Name}.yaml", notes + string.Join("---\n", objects.Select(Yaml))));
        }

        if (refused.Count > 0)
        {
            throw new Validation.ModelValidationException(refused);
        }

        if (claims.Count > 0)
        {
            files.Add(("claims.yaml", string.Join("---\n", claims.Select(Yaml))));
        }

        var routes = TraefikRoutes.For(context.Model, options);
        if (routes.Count > 0)
        {
            files.Add(("routes.yaml", string.Join("---\n", routes.Select(Yaml))));
            files.Add(("traefik-values.yaml", TraefikRoutes.HelmValues));
        }

        var policies = KubernetesNetworkPolicies.For(context.Model, options);
        if (policies.Count > 0)
        {
            files.Add(("network-policies.yaml", string.Join("---\n", policies.Select(Yaml))));
        }

        var parameters = context.Model.Parameters.ToList();
        files.Add(("settings.env", EnvFiles.Render("settings.env", parameters.Where(p => !p.Secret), p => context.Parameters.Resolve(p).Value ?? "", settingsEnv,
            "Non-secret values for the servarr-settings ConfigMap; edit them here (publishing again keeps what you set).", context.Changes)));
        files.Add(("secrets.env", EnvFiles.Render("secrets.env", parameters.Where(p => p.Secret), _ => null, secretsEnv,
            "Secret values for the servarr-secrets Secret: fill them in before kubectl apply -k (never commit this file).", context.Changes)));
        var generated = context.Model.Containers.Where(c => c.Annotations.OfType<GeneratedFileAnnotation>().Any()).ToList();
        foreach (var container in generated)
        {
            files.AddRange(container.Annotations.OfType<GeneratedFileAnnotation>().Select(f => ($"{FilesFolder}/{container.Name}/{f.FileName}",
                GeneratedFiles.Render(f, context.Model, p => context.Parameters.Resolve(p).Value, p => context.Parameters.Resolve(p).Value))));
        }

        var secretFiles = context.Model.Containers.Where(c => c.GetMounts().Any(m => m.Purpose == ContainerMountPurpose.SecretFile)).ToList();
        foreach (var container in secretFiles)
        {
            files.AddRange(container.GetMounts().Where(m => m.Purpose == ContainerMountPurpose.SecretFile)
                .Select(m => ($"{SecretFilesFolder}/{container.Name}/{FileName(m)}", "")));
        }

        files.Insert(0, ("kustomization.yaml", Kustomization(options, files.Select(f => f.Item1).Where(n => n.EndsWith(".yaml", StringComparison.Ordinal) && n != "traefik-values.yaml" && !n.Contains('/', StringComparison.Ordinal)),
            files.Select(f => f.Item1).Where(n => n.Contains('/', StringComparison.Ordinal)).ToList())));
        return files;
    }

    /// <summary>The folder of the files generated from the model (a ConfigMap per resource).</summary>
    public const string FilesFolder = "files";

    /// <summary>The folder of the secret files you supply (a Secret per resource; written empty, yours kept).</summary>
    public const string SecretFilesFolder = "secret-files";

    /// <summary>The ConfigMap holding <paramref name="resource"/>'s generated files.</summary>
    public static string FilesName(IResource resource) => $"{resource.Name}-files";

    /// <summary>The Secret holding <paramref name="resource"/>'s secret files.</summary>
    public static string SecretFilesName(IResource resource) => $"{resource.Name}-secret-files";

    /// <summary>The file name a secret file mount is kept under: the last part of its target.</summary>
    public static string FileName(ServarrMountAnnotation mount) => mount.Target[(mount.Target.LastIndexOf('/') + 1)..];

    private static string Kustomization(KubernetesOptions options, IEnumerable<string> resources, IReadOnlyList<string> generatorFiles)
    {
        var text = new StringBuilder()
            .Append("# Written by Servarr from Servarr.AppHost/Program.cs; change the model, not this file.\n")
            .Append("# Deploy: fill secrets.env, then kubectl apply -k .\n")
            .Append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
            .Append("namespace: ").Append(options.Namespace).Append('\n')
            .Append("resources:\n");
        foreach (var resource in resources)
        {
            text.Append("- ").Append(resource).Append('\n');
        }

        text.Append("configMapGenerator:\n- name: ").Append(KubernetesEnvironment.SettingsName).Append("\n  envs:\n  - settings.env\n");
        Generators(text, generatorFiles, FilesFolder, "-files");
        text.Append("secretGenerator:\n- name: ").Append(KubernetesEnvironment.SecretName).Append("\n  envs:\n  - secrets.env\n");
        Generators(text, generatorFiles, SecretFilesFolder, "-secret-files");
        return text.ToString();
    }

    // One generator per resource: files/<resource>/<name> become keys <name> of ConfigMap (or Secret) <resource><suffix>.
    private static void Generators(StringBuilder text, IReadOnlyList<string> files, string folder, string suffix)
    {
        foreach (var group in files.Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)).GroupBy(f => f.Split('/')[1]))
        {
            text.Append("- name: ").Append(group.Key).Append(suffix).Append("\n  files:\n");
            foreach (var file in group)
            {
                text.Append("  - ").Append(file).Append('\n');
            }
        }
    }

    private static string Yaml(object value) => KubernetesYamlWriter.Serialize(value);

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
