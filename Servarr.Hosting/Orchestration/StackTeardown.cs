namespace Servarr.Hosting.Orchestration;

/// <summary>
/// <c>down</c>: removes every container and network of one AppHost on the engine, session and persistent alike, and its
/// volumes only when asked (<see cref="TeardownPlan"/> chooses). Config folders on the host are never touched. Each
/// removal is reported as it happens; a failed one is a line naming it and the fix, and the others go on.
/// </summary>
public static class StackTeardown
{
    /// <summary>How long a container gets to stop before it is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What was removed and kept, and what failed.</summary>
    /// <param name="Application">The app name.</param>
    /// <param name="Containers">Removed container names.</param>
    /// <param name="Networks">Removed network names.</param>
    /// <param name="Volumes">Removed volume names.</param>
    /// <param name="KeptVolumes">The app's volumes kept (removing volumes was not asked for).</param>
    /// <param name="UnlabelledVolumes">Volumes of the model not labelled as this app's, never removed.</param>
    /// <param name="AbandonedNetworks">Empty session networks with this AppHost's name that cannot be told to be its own (<see cref="TeardownPlan.AbandonedNetworks"/>).</param>
    /// <param name="Errors">One line per failed removal, with the fix.</param>
    public sealed record Result(string Application, IReadOnlyList<string> Containers, IReadOnlyList<string> Networks, IReadOnlyList<string> Volumes,
        IReadOnlyList<string> KeptVolumes, IReadOnlyList<string> UnlabelledVolumes, IReadOnlyList<string> AbandonedNetworks, IReadOnlyList<string> Errors)
    {
        /// <summary>The summary line, e.g. <c>removed 9 container(s), 1 network(s), 0 volume(s) of 'servarr-3f9a1c2b'</c>.</summary>
        public string Summary =>
            $"removed {Containers.Count} container(s), {Networks.Count} network(s), {Volumes.Count} volume(s) of '{Application}'";
    }

    /// <summary>
    /// Tears down the app of <paramref name="scope"/>; <paramref name="removeVolumes"/> also deletes its volumes.
    /// <paramref name="report"/> gets one line per removed thing or failure. An engine that does not answer throws
    /// <see cref="ServarrException"/> before anything is removed.
    /// </summary>
    /// <example><code>var result = await StackTeardown.DownAsync(engine, scope, removeVolumes: false, Console.WriteLine, ct); Console.WriteLine(result.Summary);</code></example>
    public static async Task<Result> DownAsync(IStackEngine engine, TeardownScope scope, bool removeVolumes, Action<string> report,
        CancellationToken cancellationToken, Func<int, bool>? isProcessAlive = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(report);
        var inventory = await engine.InventoryAsync(cancellationToken).ConfigureAwait(false);
        var plan = TeardownPlan.Select(inventory, scope, removeVolumes);
        if (TeardownPlan.RunningOwner(plan.Containers, isProcessAlive ?? IsAlive) is { } owner)
        {
            throw new ServarrException($"the stack '{scope.Application}' is running (process {owner}); stop its AppHost first (Ctrl+C where `dotnet run` or `aspire run` runs), then run down again. Nothing was removed.");
        }

        var errors = new List<string>();

        void Failed(string line)
        {
            lock (errors)
            {
                errors.Add(line);
                report(line);
            }
        }

        var containers = await Task.WhenAll(plan.Containers.Select(async c =>
        {
            var ok = await TryAsync(() => engine.RemoveContainerAsync(c.Id, StopTimeout, cancellationToken),
                e => Failed($"could not remove container {c.Name}: {e} — remove it with `docker rm -f {c.Name}` and run down again")).ConfigureAwait(false);
            if (ok)
            {
                report($"removed container {c.Name}{(c.Labels.TryGetValue(ApplicationModel.ServarrLabels.Resource, out var resource) ? $" ({resource})" : "")}");
            }

            return ok ? c.Name : null;
        })).ConfigureAwait(false);

        var networks = new List<string>();
        foreach (var network in plan.Networks)
        {
            if (await TryAsync(() => engine.RemoveNetworkAsync(network.Id, cancellationToken),
                e => Failed($"could not remove network {network.Name}: {e} — see what still uses it with `docker network inspect {network.Name}`, stop it, and run down again")).ConfigureAwait(false))
            {
                networks.Add(network.Name);
                report($"removed network {network.Name}");
            }
        }

        var volumes = new List<string>();
        foreach (var volume in plan.Volumes)
        {
            if (await TryAsync(() => engine.RemoveVolumeAsync(volume.Name, cancellationToken),
                e => Failed($"could not remove volume {volume.Name}: {e} — find what still uses it with `docker ps -a --filter volume={volume.Name}`, remove that, and run down again")).ConfigureAwait(false))
            {
                volumes.Add(volume.Name);
                report($"removed volume {volume.Name}");
            }
        }

        return new Result(scope.Application, [.. containers.OfType<string>()], networks, volumes,
            [.. plan.KeptVolumes.Select(v => v.Name)], [.. plan.UnlabelledVolumes.Select(v => v.Name)],
            [.. plan.AbandonedNetworks.Select(n => n.Name)], errors);
    }

    private static async Task<bool> TryAsync(Func<Task> remove, Action<string> failed)
    {
        try
        {
            await remove().ConfigureAwait(false);
            return true;
        }
        catch (ServarrException exception)
        {
            failed(exception.Message);
            return false;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
