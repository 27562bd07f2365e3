using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The <c>docker run</c> options for what Aspire's container API does not cover, from Servarr's annotations — a pure
/// mapping, the same settings compose writes: <c>--cap-add</c>, <c>--device</c>, <c>--user</c>, <c>--init</c>,
/// <c>--hostname</c>, <c>--label</c>, <c>--add-host</c>, <c>--security-opt no-new-privileges:true</c>.
/// </summary>
public static class DockerRunArguments
{
    /// <summary>The options for <paramref name="container"/>, parameters resolved through <paramref name="run"/>.</summary>
    public static IReadOnlyList<string> For(ContainerResource container, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(run);
        var args = new List<string>();
        foreach (var capability in container.Annotations.OfType<CapabilityAnnotation>().Select(c => c.Capability).Distinct())
        {
            args.AddRange(["--cap-add", capability]);
        }

        foreach (var device in container.Annotations.OfType<DeviceAnnotation>())
        {
            args.AddRange(["--device", $"{device.HostPath}:{device.ContainerPath}"]);
        }

        if (container.TryGetLastAnnotation<UserAnnotation>(out var user))
        {
            args.AddRange(["--user", $"{run.Render(user.Uid)}:{run.Render(user.Gid)}"]);
        }

        if (container.Annotations.OfType<InitProcessAnnotation>().Any())
        {
            args.Add("--init");
        }

        if (container.TryGetLastAnnotation<HostnameAnnotation>(out var hostname))
        {
            args.AddRange(["--hostname", hostname.Hostname]);
        }

        foreach (var label in container.Annotations.OfType<ContainerLabelAnnotation>().GroupBy(l => l.Key))
        {
            args.AddRange(["--label", $"{label.Key}={run.Render(label.Last().Value)}"]);
        }

        foreach (var alias in container.Annotations.OfType<HostAliasAnnotation>())
        {
            args.AddRange(["--add-host", $"{alias.Hostname}:{alias.Address}"]);
        }

        if (container.HasNoNewPrivileges())
        {
            args.AddRange(["--security-opt", "no-new-privileges:true"]);
        }

        return args;
    }
}
