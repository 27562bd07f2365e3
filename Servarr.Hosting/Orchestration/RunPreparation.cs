using System.Text;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.IO;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// What Servarr does to the host and to the model before Aspire's orchestrator starts anything: create the
/// development, config and media folders (owned by PUID:PGID), give secret files to the user their app runs as, write
/// generated files, and hand Aspire what it runs with — Servarr's mounts with their sources resolved, a health check per
/// app, and the Docker settings Aspire has no API for (capabilities, devices, user, init, labels, no-new-privileges).
/// </summary>
public static class RunPreparation
{
    /// <summary>Prepares the host and the model; returns one line per thing done, for the AppHost's log.</summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(DistributedApplicationModel model, RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        var report = new List<string>();
        var development = HostFolders.CreateDevelopmentFolders(model, run);
        if (development.Count > 0)
        {
            report.Add($"using development folders ({string.Join(", ", development.Select(d => $"{d.Parameter.Name} = {d.Folder}"))}); set {string.Join(" and ", development.Select(d => d.Parameter.ConfigurationKey))} to use your own");
        }

        var created = HostFolders.CreateConfigFolders(model, run);
        if (created.Count > 0)
        {
            report.Add($"created {created.Count} config folder(s): {string.Join(", ", created.Select(Path.GetFileName))}");
        }

        HostFolders.GiveSecretFiles(model, run);
        foreach (var container in model.Containers)
        {
            await WriteGeneratedFilesAsync(model, container, run, cancellationToken).ConfigureAwait(false);
            HandMountsToAspire(container, run);
            PublishAllowedHostPorts(container);
            if (RunMode.HasHealthCheck(container) && !container.Annotations.OfType<HealthCheckAnnotation>().Any(h => h.Key == RunMode.HealthCheckKey(container)))
            {
                container.Annotations.Add(new HealthCheckAnnotation(RunMode.HealthCheckKey(container)));
            }

            // An app behind a VPN gateway is created by Servarr (Orchestration/Vpn), which reads the same settings itself.
            var args = container.GetVpnGateway() is null ? DockerRunArguments.For(container, run) : [];
            if (args.Count > 0)
            {
                container.Annotations.Add(new ContainerRuntimeArgsCallbackAnnotation(list => { foreach (var arg in args) { list.Add(arg); } }));
            }
        }

        return report;
    }

    private static async Task WriteGeneratedFilesAsync(DistributedApplicationModel model, ContainerResource container, RunContext run,
        CancellationToken cancellationToken)
    {
        foreach (var file in container.Annotations.OfType<GeneratedFileAnnotation>())
        {
            var path = run.HostPath(file.HostPath);
            var secrets = new Dictionary<ParameterResource, string?>();
            foreach (var secret in file.Uses.Where(p => p.Secret))
            {
                // A secret not in configuration yet is one Aspire generates on the first run; unknown after a short wait:
                // the file is rendered without it.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(10));
                secrets[secret] = await RunParameterValues.ValueAsync(run.Parameters, secret, wait.Token).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var text = GeneratedFiles.Render(file, model, p => run.Parameters.Resolve(p).Value, p => secrets.GetValueOrDefault(p));
            await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(text), ownerOnly: GeneratedFiles.DerivesFromSecret(file), cancellationToken)
                .ConfigureAwait(false);
            AddMount(container, new ContainerMountAnnotation(path, file.Target, ContainerMountType.BindMount, isReadOnly: true));
        }
    }

    // Servarr's mount sources may hold parameters (config-root); Aspire's orchestrator takes plain paths.
    private static void HandMountsToAspire(ContainerResource container, RunContext run)
    {
        foreach (var mount in container.Annotations.OfType<ServarrMountAnnotation>().ToList())
        {
            var source = mount.Type == ContainerMountType.BindMount ? run.HostPath(mount.Source) : mount.VolumeName!;
            AddMount(container, new ContainerMountAnnotation(source, mount.Target, mount.Type, mount.IsReadOnly));
        }
    }

    // Aspire's orchestrator publishes a container's ports on 127.0.0.1 behind its proxy. A host port the model allows
    // (.WithHostPortAllowed: Plex's 32400) is for other machines, so that endpoint is published as itself, on every
    // interface, the way compose publishes it.
    private static void PublishAllowedHostPorts(ContainerResource container)
    {
        if (!container.Annotations.OfType<HostPortAnnotation>().Any())
        {
            return;
        }

        foreach (var endpoint in container.Annotations.OfType<EndpointAnnotation>().Where(e => e.Port is not null))
        {
            endpoint.IsProxied = false;
            endpoint.TargetHost = "0.0.0.0";
        }
    }

    private static void AddMount(ContainerResource container, ContainerMountAnnotation mount)
    {
        if (!container.Annotations.OfType<ContainerMountAnnotation>().Any(m => m.Target == mount.Target))
        {
            container.Annotations.Add(mount);
        }
    }
}
