using YamlDotNet.Serialization;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>One compose service; only the keys Servarr writes. Change it in <c>PublishAsComposeService</c>.</summary>
public sealed class ComposeService
{
    /// <summary>The image reference.</summary>
    [YamlMember(Alias = "image")]
    public string? Image { get; set; }

    /// <summary>The container name (the resource name).</summary>
    [YamlMember(Alias = "container_name")]
    public string? ContainerName { get; set; }

    /// <summary>Entrypoint override.</summary>
    [YamlMember(Alias = "entrypoint")]
    public List<string>? Entrypoint { get; set; }

    /// <summary>Arguments.</summary>
    [YamlMember(Alias = "command")]
    public List<string>? Command { get; set; }

    /// <summary><c>uid:gid</c>.</summary>
    [YamlMember(Alias = "user")]
    public string? User { get; set; }

    /// <summary>Environment variables.</summary>
    [YamlMember(Alias = "environment")]
    public Dictionary<string, string>? Environment { get; set; }

    /// <summary><c>service:&lt;gateway&gt;</c> for apps behind the VPN.</summary>
    [YamlMember(Alias = "network_mode")]
    public string? NetworkMode { get; set; }

    /// <summary>Published host ports, <c>host:container[/udp]</c>.</summary>
    [YamlMember(Alias = "ports")]
    public List<string>? Ports { get; set; }

    /// <summary>Container ports reachable from the other services.</summary>
    [YamlMember(Alias = "expose")]
    public List<string>? Expose { get; set; }

    /// <summary>Networks joined.</summary>
    [YamlMember(Alias = "networks")]
    public List<string>? Networks { get; set; }

    /// <summary>Mounts, long syntax.</summary>
    [YamlMember(Alias = "volumes")]
    public List<ComposeServiceVolume>? Volumes { get; set; }

    /// <summary>Capabilities added.</summary>
    [YamlMember(Alias = "cap_add")]
    public List<string>? CapAdd { get; set; }

    /// <summary>Devices, <c>host:container</c>.</summary>
    [YamlMember(Alias = "devices")]
    public List<string>? Devices { get; set; }

    /// <summary>Start order and the condition waited for.</summary>
    [YamlMember(Alias = "depends_on")]
    public Dictionary<string, ComposeDependency>? DependsOn { get; set; }

    /// <summary>Health command.</summary>
    [YamlMember(Alias = "healthcheck")]
    public ComposeHealthcheck? Healthcheck { get; set; }

    /// <summary>Restart policy.</summary>
    [YamlMember(Alias = "restart")]
    public string? Restart { get; set; }

    /// <summary>Labels.</summary>
    [YamlMember(Alias = "labels")]
    public Dictionary<string, string>? Labels { get; set; }
}
