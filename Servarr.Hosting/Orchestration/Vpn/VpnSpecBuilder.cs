using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>
/// Pure mapping of a VPN app to a <see cref="VpnContainerSpec"/>. It reads the resource as run preparation left it:
/// mounts from Aspire's <see cref="ContainerMountAnnotation"/>s (Servarr's mounts resolved, generated files added) and the
/// Docker settings through <see cref="DockerRunSettings.For"/>, the mapping <c>docker run</c> gets for the other apps.
/// </summary>
public static class VpnSpecBuilder
{
    /// <summary>Builds the spec of <paramref name="app"/> for the gateway container <paramref name="gatewayContainerId"/>.</summary>
    /// <param name="app">The VPN app.</param>
    /// <param name="image">Its image reference.</param>
    /// <param name="gatewayContainerId">The gateway's container id.</param>
    /// <param name="environment">Environment with resolved values.</param>
    /// <param name="args">Arguments with resolved values.</param>
    /// <param name="containerName">The container name.</param>
    /// <param name="labels">Servarr's labels (session, owner).</param>
    /// <param name="run">Parameter values for the Docker settings (user, labels).</param>
    /// <example><code>VpnSpecBuilder.Build(sonarr, "lscr.io/linuxserver/sonarr:4.0", gatewayId, env, [], "sonarr-ab12cd34", labels, run)</code></example>
    public static VpnContainerSpec Build(ContainerResource app, string image, string gatewayContainerId, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string> args, string containerName, IReadOnlyDictionary<string, string> labels, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(run);
        var mounts = app.Annotations.OfType<ContainerMountAnnotation>()
            .Select(m => new VpnMount(m.Source ?? "", m.Target, m.Type == ContainerMountType.Volume, m.IsReadOnly))
            .ToList();
        var allLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal)
        {
            [VpnNames.ResourceLabel] = app.Name,
            [VpnNames.GatewayLabel] = gatewayContainerId,
        };
        return new VpnContainerSpec(containerName, image, gatewayContainerId, environment, args, string.IsNullOrEmpty(app.Entrypoint) ? null : app.Entrypoint,
            mounts, DockerRunSettings.For(app, run), allLabels);
    }
}
