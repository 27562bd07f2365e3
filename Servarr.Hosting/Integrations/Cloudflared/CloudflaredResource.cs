namespace Servarr.Hosting.ApplicationModel;

/// <summary>cloudflared: the Cloudflare tunnel, the only way in from the internet.</summary>
/// <param name="name">The resource name.</param>
/// <param name="domain">The parameter holding the domain public hostnames live under.</param>
public sealed class CloudflaredResource(string name, ParameterResource domain) : ContainerResource(name), ITunnelResource
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "metrics";

    /// <summary>The domain: a public hostname is <c>&lt;subdomain&gt;.&lt;domain&gt;</c>.</summary>
    public ParameterResource Domain { get; } = domain ?? throw new ArgumentNullException(nameof(domain));

    /// <summary>Where the tunnel's ingress rules are kept; set by <c>WithRemoteTunnel</c> or <c>WithLocalTunnel</c>.</summary>
    public CloudflaredTunnelMode? Mode { get; internal set; }

    /// <inheritdoc />
    public string ModeName => Mode?.ToString().ToLowerInvariant() ?? "no";

    /// <summary>The tunnel id of a local tunnel (written into its config.yml).</summary>
    public ParameterResource? TunnelId { get; internal set; }
}

/// <summary>Why the tunnel-mode parameter could not choose a tunnel; reported by validation, so nothing starts.</summary>
public sealed class CloudflaredModeProblem : IResourceAnnotation
{
    /// <summary>Records the problem.</summary>
    public CloudflaredModeProblem(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Message = message;
    }

    /// <summary>The one-line problem with its fix.</summary>
    public string Message { get; }
}

/// <summary>Where a tunnel's ingress rules are kept.</summary>
public enum CloudflaredTunnelMode
{
    /// <summary>In Cloudflare (<c>publish --publisher cloudflare</c> writes them as terraform); cloudflared runs with a token.</summary>
    Remote,

    /// <summary>In a <c>config.yml</c> Servarr writes from the model; cloudflared runs with the tunnel's credentials file.</summary>
    Local,
}
