using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>Traefik's <c>IngressRoute</c> (HTTP) as a small typed object (<c>traefik.io/v1alpha1</c>).</summary>
public sealed class TraefikIngressRoute : IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "traefik.io/v1alpha1";

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "IngressRoute";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Entry points and routes.</summary>
    [JsonPropertyName("spec")]
    public TraefikRouteSpec Spec { get; set; } = new();
}

/// <summary>Traefik's <c>IngressRouteTCP</c> as a small typed object (<c>traefik.io/v1alpha1</c>).</summary>
public sealed class TraefikIngressRouteTcp : IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "traefik.io/v1alpha1";

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "IngressRouteTCP";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Entry points, routes and TLS.</summary>
    [JsonPropertyName("spec")]
    public TraefikRouteSpec Spec { get; set; } = new();
}

/// <summary>The spec both route kinds share.</summary>
public sealed class TraefikRouteSpec
{
    /// <summary>Traefik entry points, e.g. <c>web</c>, <c>websecure</c>, <c>plex</c>.</summary>
    [JsonPropertyName("entryPoints")]
    public IList<string> EntryPoints { get; set; } = [];

    /// <summary>Routes.</summary>
    [JsonPropertyName("routes")]
    public IList<TraefikRoute> Routes { get; set; } = [];

    /// <summary>TLS options (TCP passthrough).</summary>
    [JsonPropertyName("tls")]
    public TraefikTls? Tls { get; set; }
}

/// <summary>One route: a match rule and the Services it goes to.</summary>
public sealed class TraefikRoute
{
    /// <summary>e.g. <c>Host(`plex.home`)</c> or <c>HostSNI(`*`)</c>.</summary>
    [JsonPropertyName("match")]
    public string Match { get; set; } = "";

    /// <summary><c>Rule</c> for HTTP routes; absent for TCP.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>Target Services.</summary>
    [JsonPropertyName("services")]
    public IList<TraefikService> Services { get; set; } = [];
}

/// <summary>A Kubernetes Service a route sends to.</summary>
public sealed class TraefikService
{
    /// <summary>The Service name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The Service port.</summary>
    [JsonPropertyName("port")]
    public int Port { get; set; }
}

/// <summary>TLS of a TCP route.</summary>
public sealed class TraefikTls
{
    /// <summary>True: Traefik forwards the TLS bytes untouched; the app (Plex) terminates TLS with its own certificate.</summary>
    [JsonPropertyName("passthrough")]
    public bool Passthrough { get; set; }
}
