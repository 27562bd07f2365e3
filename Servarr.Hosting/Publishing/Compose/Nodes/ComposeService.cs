namespace Servarr.Hosting.Publishing.Compose;

/// <summary>One compose service; only the keys Servarr writes. Change it in <c>PublishAsComposeService</c>.</summary>
public sealed class ComposeService
{
    /// <summary>The image reference.</summary>
    public string? Image { get; set; }

    /// <summary>The container name (the resource name).</summary>
    public string? ContainerName { get; set; }

    /// <summary>Fixed host name.</summary>
    public string? Hostname { get; set; }

    /// <summary>Run an init process as PID 1.</summary>
    public bool? Init { get; set; }

    /// <summary>Entrypoint override.</summary>
    public List<string>? Entrypoint { get; set; }

    /// <summary>Arguments.</summary>
    public List<string>? Command { get; set; }

    /// <summary><c>uid:gid</c>.</summary>
    public string? User { get; set; }

    /// <summary>Environment variables.</summary>
    public Dictionary<string, string>? Environment { get; set; }

    /// <summary><c>service:&lt;gateway&gt;</c> for apps behind the VPN.</summary>
    public string? NetworkMode { get; set; }

    /// <summary>Published host ports, <c>host:container[/udp]</c>.</summary>
    public List<string>? Ports { get; set; }

    /// <summary>Container ports reachable from the other services.</summary>
    public List<string>? Expose { get; set; }

    /// <summary>Networks joined.</summary>
    public List<string>? Networks { get; set; }

    /// <summary>Mounts, long syntax.</summary>
    public List<ComposeServiceVolume>? Volumes { get; set; }

    /// <summary>Capabilities dropped first, e.g. <c>[ALL]</c>.</summary>
    public List<string>? CapDrop { get; set; }

    /// <summary>Capabilities added.</summary>
    public List<string>? CapAdd { get; set; }

    /// <summary><c>mem_limit</c>, e.g. <c>2048m</c>.</summary>
    public string? MemLimit { get; set; }

    /// <summary><c>cpus</c>, a number as text, e.g. <c>1.5</c>.</summary>
    public string? Cpus { get; set; }

    /// <summary><c>security_opt</c>, e.g. <c>no-new-privileges:true</c>.</summary>
    public List<string>? SecurityOpt { get; set; }

    /// <summary>Devices, <c>host:container</c>.</summary>
    public List<string>? Devices { get; set; }

    /// <summary>Extra <c>/etc/hosts</c> lines, <c>name:address</c> (<c>host-gateway</c> is the Docker host).</summary>
    public List<string>? ExtraHosts { get; set; }

    /// <summary>Start order and the condition waited for.</summary>
    public Dictionary<string, ComposeDependency>? DependsOn { get; set; }

    /// <summary>Health command.</summary>
    public ComposeHealthcheck? Healthcheck { get; set; }

    /// <summary>Restart policy.</summary>
    public string? Restart { get; set; }

    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
