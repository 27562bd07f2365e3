using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The Docker settings Aspire's container API does not cover, read from Servarr's annotations with parameters resolved —
/// the same settings compose writes. One mapping, two renderings: <c>docker run</c> options for the containers Aspire's
/// orchestrator runs (<see cref="DockerRunArguments"/>) and create parameters for the apps Servarr runs in a VPN
/// gateway's namespace (<c>VpnDockerMapper</c>).
/// </summary>
/// <param name="Capabilities">Linux capabilities added (<c>--cap-add</c>).</param>
/// <param name="DropAllCapabilities">Whether every capability is dropped first (<c>--cap-drop ALL</c>).</param>
/// <param name="Devices">Host devices (<c>--device host:container</c>).</param>
/// <param name="User">The <c>uid:gid</c> the app runs as, or null for the image's.</param>
/// <param name="Init">Whether an init process reaps zombies (<c>--init</c>).</param>
/// <param name="Hostname">The container's hostname, or null.</param>
/// <param name="Labels">Container labels, last value per key; with an app name in the run context also
/// <c>servarr.app</c> and <c>servarr.resource</c>, which <c>down</c> finds the app's containers by.</param>
/// <param name="ExtraHosts">Extra <c>/etc/hosts</c> entries (<c>--add-host name:address</c>).</param>
/// <param name="NoNewPrivileges">Whether <c>no-new-privileges:true</c> is set.</param>
/// <param name="MemoryMiB">The memory limit in MiB (<c>--memory</c>), or null.</param>
/// <param name="Cpus">The CPU limit in CPUs (<c>--cpus</c>), e.g. 1.5, or null.</param>
/// <param name="Restart">Docker's restart policy, as compose writes it (<c>always</c>, <c>unless-stopped</c>, ...).</param>
public sealed record DockerRunSettings(
    IReadOnlyList<string> Capabilities,
    bool DropAllCapabilities,
    IReadOnlyList<DockerDevice> Devices,
    string? User,
    bool Init,
    string? Hostname,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<DockerHostAlias> ExtraHosts,
    bool NoNewPrivileges,
    int? MemoryMiB,
    double? Cpus,
    string Restart)
{
    /// <summary>The settings of <paramref name="container"/>, parameters resolved through <paramref name="run"/>.</summary>
    /// <example><code>DockerRunSettings.For(gluetun, run).Capabilities // ["NET_ADMIN"]</code></example>
    public static DockerRunSettings For(ContainerResource container, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        var capabilities = CapabilitySet.Of(container);
        return new DockerRunSettings(
            capabilities.Added,
            capabilities.DropsAll,
            [.. container.Annotations.OfType<DeviceAnnotation>().Select(d => new DockerDevice(d.HostPath, d.ContainerPath))],
            container.TryGetLastAnnotation<UserAnnotation>(out var user) ? $"{run.Render(user.Uid)}:{run.Render(user.Gid)}" : null,
            container.Annotations.OfType<InitProcessAnnotation>().Any(),
            container.TryGetLastAnnotation<HostnameAnnotation>(out var hostname) ? hostname.Hostname : null,
            RunLabels(container, run),
            [.. container.Annotations.OfType<HostAliasAnnotation>().Select(a => new DockerHostAlias(a.Hostname, a.Address))],
            container.HasNoNewPrivileges(),
            container.TryGetLastAnnotation<ResourceLimitsAnnotation>(out var limits) ? limits.MemoryMiB : null,
            limits?.Cpus,
            RestartName(container.GetRestartPolicy()));
    }

    private static Dictionary<string, string> RunLabels(ContainerResource container, RunContext run)
    {
        var labels = container.Annotations.OfType<ContainerLabelAnnotation>().GroupBy(l => l.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => run.Render(g.Last().Value), StringComparer.Ordinal);
        if (run.Application is { } application)
        {
            labels[ServarrLabels.App] = application;
            labels[ServarrLabels.Resource] = container.Name;
        }

        return labels;
    }

    /// <summary>Docker's name for a restart policy, as compose writes it: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure</c>.</summary>
    public static string RestartName(ApplicationModel.RestartPolicy policy) => policy switch
    {
        ApplicationModel.RestartPolicy.No => "no",
        ApplicationModel.RestartPolicy.UnlessStopped => "unless-stopped",
        ApplicationModel.RestartPolicy.OnFailure => "on-failure",
        _ => "always",
    };
}

/// <summary>A host device passed into a container.</summary>
/// <param name="HostPath">The device on the host, e.g. <c>/dev/net/tun</c>.</param>
/// <param name="ContainerPath">Where the container sees it.</param>
public sealed record DockerDevice(string HostPath, string ContainerPath);

/// <summary>An extra <c>/etc/hosts</c> entry.</summary>
/// <param name="Hostname">The name.</param>
/// <param name="Address">The address it resolves to.</param>
public sealed record DockerHostAlias(string Hostname, string Address);
