namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A file Servarr writes from the model and mounts read-only into the container: run mode writes it to
/// <see cref="HostPath"/> before the container starts, compose publishes it next to the compose file, Kubernetes puts it
/// in a ConfigMap. It must never hold a secret value: the context only resolves non-secret parameters, and a secret one only
/// through a one-way function (<see cref="GeneratedFileContext.Derive"/>, e.g. a password hash). A file whose
/// <see cref="Uses"/> include a secret is written readable by its owner only.
/// </summary>
/// <example>
/// <code>
/// cloudflared.WithAnnotation(new GeneratedFileAnnotation(ReferenceExpression.Create($"{configRoot}/cloudflared/config.yml"),
///     "/etc/cloudflared/config.yml", context => CloudflaredIngress.RenderConfig(...)));
/// </code>
/// </example>
public sealed class GeneratedFileAnnotation : IResourceAnnotation
{
    /// <summary>Records a generated file.</summary>
    public GeneratedFileAnnotation(ReferenceExpression hostPath, string target, Func<GeneratedFileContext, string> render,
        IReadOnlyList<ParameterResource>? uses = null)
    {
        ArgumentNullException.ThrowIfNull(hostPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(render);
        if (!target.StartsWith('/') || target.EndsWith('/'))
        {
            throw new ArgumentException($"Generated file target '{target}' must be an absolute file path inside the container.", nameof(target));
        }

        HostPath = hostPath;
        Target = target;
        Render = render;
        Uses = uses ?? [];
    }

    /// <summary>The parameters the file is rendered from (the container waits for them in run mode).</summary>
    public IReadOnlyList<ParameterResource> Uses { get; }

    /// <summary>Where run mode writes the file on the host.</summary>
    public ReferenceExpression HostPath { get; }

    /// <summary>The file's path inside the container.</summary>
    public string Target { get; }

    /// <summary>The file name (the last part of <see cref="Target"/>).</summary>
    public string FileName => Target[(Target.LastIndexOf('/') + 1)..];

    /// <summary>Renders the file's text.</summary>
    public Func<GeneratedFileContext, string> Render { get; }
}

/// <summary>What a generated file is rendered from.</summary>
/// <param name="Model">The whole model.</param>
/// <param name="Value">The value of a non-secret parameter (throws for a secret one).</param>
public sealed record GeneratedFileContext(DistributedApplicationModel Model, Func<ParameterResource, string> Value)
{
    /// <summary>Secret values, known only to <see cref="Derive"/>; null (the default) when none are known.</summary>
    internal Func<ParameterResource, string?>? SecretValue { get; init; }

    /// <summary>
    /// A one-way function of a secret parameter's value, e.g. a password hash, or null when the value is not known here
    /// (publishing without it configured). The file holds only what <paramref name="oneWay"/> returns, never the value.
    /// </summary>
    /// <example><code>var hash = context.Derive(qbittorrent.WebUiPassword, QBittorrentPassword.Hash); // "@ByteArray(…)" or null</code></example>
    public string? Derive(ParameterResource secret, Func<string, string> oneWay)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(oneWay);
        return SecretValue?.Invoke(secret) is { Length: > 0 } value ? oneWay(value) : null;
    }
}
