using System.Diagnostics.CodeAnalysis;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>Queries over a resource's annotations, so callers never repeat <c>OfType</c> chains.</summary>
public static class ServarrResourceExtensions
{
    private static readonly DistributedApplicationExecutionContext s_run = ServarrExecution.Run;

    /// <summary>The image, after every <c>WithImage*</c> call, or null.</summary>
    public static ContainerImageAnnotation? GetImage(this IResource resource) =>
        resource.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault();

    /// <summary>The endpoints in declaration order.</summary>
    public static IReadOnlyList<EndpointAnnotation> GetEndpointAnnotations(this IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>().ToList();

    /// <summary>The endpoint called <paramref name="name"/>, or null.</summary>
    public static EndpointAnnotation? FindEndpoint(this IResource resource, string name) =>
        resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == name);

    /// <summary>The mounts in declaration order.</summary>
    public static IReadOnlyList<ServarrMountAnnotation> GetMounts(this IResource resource)
    {
        // Servarr's mounts (sources may hold parameters) and Aspire's (WithBindMount/WithVolume with a plain source), in
        // declaration order. Run mode and the manifest also give each of Servarr's mounts (and generated files) to Aspire
        // with its source resolved: such a copy is left out, but two mounts the app declared at one target both stay,
        // so the validator can refuse them.
        var servarrTargets = resource.Annotations.OfType<ServarrMountAnnotation>().Select(m => m.Target)
            .Concat(resource.Annotations.OfType<GeneratedFileAnnotation>().Select(f => f.Target))
            .ToHashSet(StringComparer.Ordinal);
        var mounts = new List<ServarrMountAnnotation>();
        foreach (var annotation in resource.Annotations)
        {
            var mount = annotation switch
            {
                ServarrMountAnnotation servarr => servarr,
                ContainerMountAnnotation { Source: { Length: > 0 } source } aspire when !servarrTargets.Contains(aspire.Target)
                    && aspire.Target.StartsWith('/') => // a relative target is reported by the validator
                    new ServarrMountAnnotation(ServarrExpressions.Literal(source), aspire.Target, aspire.Type, aspire.IsReadOnly),
                _ => null,
            };
            if (mount is not null)
            {
                mounts.Add(mount);
            }
        }

        return mounts;
    }

    /// <summary>The gateway whose network namespace this resource shares, or null.</summary>
    public static IResource? GetVpnGateway(this IResource resource) =>
        resource.Annotations.OfType<VpnAnnotation>().LastOrDefault()?.Gateway;

    /// <summary>The name other containers use to reach this resource: its own, or its VPN gateway's.</summary>
    public static string GetNetworkHost(this IResource resource) => resource.GetVpnGateway()?.Name ?? resource.Name;

    /// <summary>The restart policy; <see cref="RestartPolicy.Always"/> when none was set.</summary>
    public static RestartPolicy GetRestartPolicy(this IResource resource) =>
        resource.Annotations.OfType<RestartPolicyAnnotation>().LastOrDefault()?.Policy ?? RestartPolicy.Always;

    /// <summary>The lifetime; <see cref="ContainerLifetime.Session"/> when none was set.</summary>
    public static ContainerLifetime GetLifetime(this IResource resource) =>
        resource.Annotations.OfType<ContainerLifetimeAnnotation>().LastOrDefault()?.Lifetime ?? ContainerLifetime.Session;

    /// <summary>Every resource this one waits for, references, or shares a namespace with.</summary>
    public static IEnumerable<IResource> GetDependencies(this IResource resource)
    {
        foreach (var annotation in resource.Annotations)
        {
            switch (annotation)
            {
                case WaitAnnotation wait: yield return wait.Resource; break;
                case ResourceReferenceAnnotation reference: yield return reference.Target; break;
                case ResourceRelationshipAnnotation { Type: "Reference" } relationship: yield return relationship.Resource; break;
                case VpnAnnotation vpn: yield return vpn.Gateway; break;
            }
        }
    }

    /// <summary>The API key parameter of an app that accepts one, or null.</summary>
    public static ParameterResource? GetApiKey(this IResource resource) =>
        resource.Annotations.OfType<ApiKeyAnnotation>().LastOrDefault()?.Key;

    /// <summary>The environment-variable prefix for this resource: upper case, '-' as '_' (<c>uptime-kuma</c> → <c>UPTIME_KUMA</c>).</summary>
    public static string ToEnvironmentName(this IResource resource) => ToEnvironmentName(resource.Name);

    /// <summary>Upper case with '-' and '.' as '_'.</summary>
    public static string ToEnvironmentName(string name) => name.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    /// <summary>The value expressions of <paramref name="resource"/> besides its environment: args, mount sources, labels, user.</summary>
    public static IReadOnlyList<ReferenceExpression> GetArgs(this IResource resource, DistributedApplicationExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var args = new List<object>();
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            var pending = callback.Callback(new CommandLineArgsCallbackContext(args, resource, CancellationToken.None) { ExecutionContext = executionContext });
            if (!pending.IsCompleted)
            {
                throw new InvalidOperationException($"resource '{resource.Name}': an argument callback waits for something; publishers need callbacks that complete at once.");
            }

            pending.GetAwaiter().GetResult();
        }

        return args.Select(a => ServarrExpressions.ToExpression(resource, "args", a)).ToList();
    }

    /// <summary>Expressions a resource uses outside its environment: arguments, mount sources, labels and its user.</summary>
    public static IEnumerable<ReferenceExpression> GetExpressionsBesidesEnvironment(this IResource resource) =>
        resource.GetArgs(s_run)
            .Concat(resource.GetMounts().Select(m => m.Source))
            .Concat(resource.Annotations.OfType<ContainerLabelAnnotation>().Select(l => l.Value))
            .Concat(resource.Annotations.OfType<UserAnnotation>().SelectMany(u => new[] { u.Uid, u.Gid }));

    /// <summary>
    /// Whether <paramref name="endpoint"/> of <paramref name="resource"/> is reached from outside the stack: declared
    /// external (<c>WithExternalHttpEndpoints</c>) or published at a public hostname (<c>WithPublicHostname</c>).
    /// </summary>
    /// <example><code>var external = uptimeKuma.Resource.IsExternal(uptimeKuma.Resource.GetEndpointAnnotations()[0]); // true with WithPublicHostname("status")</code></example>
    public static bool IsExternal(this IResource resource, EndpointAnnotation endpoint)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsExternal || resource.Annotations.OfType<PublicHostnameAnnotation>().Any(p => p.EndpointName == endpoint.Name);
    }

    /// <summary>
    /// The parameters <paramref name="resource"/> uses when it runs: in its environment, args, mounts, labels, user and the
    /// files generated for it.
    /// </summary>
    /// <example><code>var needs = sonarr.Resource.GetUsedParameters().Select(p => p.Name);</code></example>
    public static IEnumerable<ParameterResource> GetUsedParameters(this IResource resource) =>
        EnvironmentEvaluator.Evaluate(resource, s_run).Select(e => e.Value)
            .Concat(resource.GetExpressionsBesidesEnvironment())
            .SelectMany(e => e.References).OfType<ParameterResource>()
            .Concat(resource.Annotations.OfType<GeneratedFileAnnotation>().SelectMany(f => f.Uses))
            .Distinct();
}

/// <summary>Execution contexts for reading a model outside Aspire's own run or publish (validation, publishers).</summary>
public static class ServarrExecution
{
    /// <summary>A run-mode context.</summary>
    public static DistributedApplicationExecutionContext Run { get; } = new(DistributedApplicationOperation.Run);

    /// <summary>A publish-mode context.</summary>
    public static DistributedApplicationExecutionContext Publish { get; } = new(DistributedApplicationOperation.Publish);
}
