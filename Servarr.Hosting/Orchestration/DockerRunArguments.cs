namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The <c>docker run</c> options of <see cref="DockerRunSettings"/> for the containers Aspire's orchestrator runs — a pure
/// mapping: <c>--cap-drop</c>, <c>--cap-add</c>, <c>--device</c>, <c>--user</c>, <c>--init</c>, <c>--hostname</c>, <c>--label</c>,
/// <c>--add-host</c>, <c>--security-opt no-new-privileges:true</c>.
/// </summary>
public static class DockerRunArguments
{
    /// <summary>The options for <paramref name="container"/>, parameters resolved through <paramref name="run"/>.</summary>
    public static IReadOnlyList<string> For(ContainerResource container, RunContext run) => For(DockerRunSettings.For(container, run));

    /// <summary>The options for <paramref name="settings"/>.</summary>
    /// <example><code>DockerRunArguments.For(settings) // ["--cap-add", "NET_ADMIN", "--device", "/dev/net/tun:/dev/net/tun"]</code></example>
    public static IReadOnlyList<string> For(DockerRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new List<string>();
        if (settings.DropAllCapabilities)
        {
            args.AddRange(["--cap-drop", "ALL"]);
        }

        foreach (var capability in settings.Capabilities)
        {
            args.AddRange(["--cap-add", capability]);
        }

        foreach (var device in settings.Devices)
        {
            args.AddRange(["--device", $"{device.HostPath}:{device.ContainerPath}"]);
        }

        if (settings.User is { } user)
        {
            args.AddRange(["--user", user]);
        }

        if (settings.Init)
        {
            args.Add("--init");
        }

        if (settings.Hostname is { } hostname)
        {
            args.AddRange(["--hostname", hostname]);
        }

        foreach (var label in settings.Labels)
        {
            args.AddRange(["--label", $"{label.Key}={label.Value}"]);
        }

        foreach (var alias in settings.ExtraHosts)
        {
            args.AddRange(["--add-host", $"{alias.Hostname}:{alias.Address}"]);
        }

        if (settings.MemoryMiB is { } memory)
        {
            args.AddRange(["--memory", $"{memory}m"]);
        }

        if (settings.Cpus is { } cpus)
        {
            args.AddRange(["--cpus", cpus.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        // A crashed app comes back as in compose; Aspire's orchestrator still removes it when the AppHost stops.
        args.AddRange(["--restart", settings.Restart]);
        if (settings.NoNewPrivileges)
        {
            args.AddRange(["--security-opt", "no-new-privileges:true"]);
        }

        return args;
    }
}
