using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// <c>down</c>: removes every container and network of the app, session and persistent alike; volumes (the apps'
/// data) only when asked. Config folders on the host are never touched.
/// </summary>
public static class StackTeardown
{
    /// <summary>What was removed.</summary>
    /// <param name="Containers">Container names.</param>
    /// <param name="Networks">Network names.</param>
    /// <param name="Volumes">Volume names.</param>
    public sealed record Result(IReadOnlyList<string> Containers, IReadOnlyList<string> Networks, IReadOnlyList<string> Volumes);

    /// <summary>Tears down <paramref name="appName"/>; <paramref name="removeVolumes"/> also deletes its volumes.</summary>
    public static async Task<Result> DownAsync(IContainerRuntime runtime, string appName, bool removeVolumes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        var labels = new Dictionary<string, string> { [ServarrLabels.App] = appName };
        var containers = await runtime.FindContainersAsync(labels, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(containers.Select(c => runtime.RemoveContainerAsync(c.Id, ApplicationOrchestrator.StopTimeout, cancellationToken)))
            .ConfigureAwait(false);
        var networks = await runtime.RemoveNetworksAsync(labels, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> volumes = [];
        if (removeVolumes)
        {
            volumes = await runtime.FindVolumesAsync(labels, cancellationToken).ConfigureAwait(false);
            foreach (var volume in volumes)
            {
                await runtime.RemoveVolumeAsync(volume, cancellationToken).ConfigureAwait(false);
            }
        }

        return new Result(containers.Select(c => c.Name).ToList(), networks, volumes);
    }
}
