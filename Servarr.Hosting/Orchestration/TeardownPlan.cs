using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>What <c>down</c> looks for on the engine: one AppHost's objects.</summary>
/// <param name="Application">The app name, the value of the <c>servarr.app</c> label (<see cref="AppIdentity"/>).</param>
/// <param name="PersistentNetwork">Aspire's persistent network of this AppHost.</param>
/// <param name="PersistentContainerNames">The names Aspire gives this AppHost's containers when they are persistent (<c>&lt;resource&gt;-&lt;hash8&gt;</c>).</param>
/// <param name="ModelVolumes">The named volumes of the model.</param>
/// <param name="SessionNetworkSuffix">How Aspire ends the names of this AppHost's session networks (<c>-Servarr</c>); AppHosts of the same name share it.</param>
public sealed record TeardownScope(string Application, string PersistentNetwork, IReadOnlySet<string> PersistentContainerNames, IReadOnlySet<string> ModelVolumes,
    string SessionNetworkSuffix)
{
    /// <summary>The scope of the AppHost whose model, application name and path hash (<see cref="AppIdentity.PathHash"/>) these are.</summary>
    /// <example><code>TeardownScope.For(model, "Servarr.AppHost", configuration["AppHost:PathSha256"]!)</code></example>
    public static TeardownScope For(DistributedApplicationModel model, string applicationName, string pathHash)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TeardownScope(
            AppIdentity.Name(applicationName, pathHash),
            AppIdentity.PersistentNetworkName(applicationName, pathHash),
            model.Containers.Select(c => AppIdentity.PersistentContainerName(c.Name, pathHash)).ToHashSet(StringComparer.Ordinal),
            StackVolumes.Names(model).ToHashSet(StringComparer.Ordinal),
            AppIdentity.SessionNetworkSuffix(applicationName));
    }
}

/// <summary>
/// What <c>down</c> removes, chosen from what is on the engine — pure. Containers labelled <c>servarr.app=&lt;app&gt;</c>
/// (the ones Aspire's orchestrator runs and the VPN apps), and persistent containers Aspire made for this AppHost before
/// Servarr labelled them (its persistent label and its name <c>&lt;resource&gt;-&lt;hash8&gt;</c>); networks labelled so,
/// Aspire's persistent network of this AppHost, and Aspire's session networks these containers are attached to; volumes
/// labelled so, only when asked (<see cref="KeptVolumes"/> otherwise). Another app's objects, compose's and unlabelled
/// volumes are never chosen.
/// </summary>
/// <param name="Containers">Containers to remove.</param>
/// <param name="Networks">Networks to remove, once the containers are gone.</param>
/// <param name="Volumes">Volumes to remove (only when asked).</param>
/// <param name="KeptVolumes">The app's volumes kept because removing volumes was not asked for.</param>
/// <param name="UnlabelledVolumes">Volumes of the model not labelled as this app's (another AppHost's, or created before Servarr labelled volumes): never removed.</param>
/// <param name="AbandonedNetworks">
/// Empty Aspire session networks with this AppHost's name that no container of it is on (left by a crash once Aspire's
/// orchestrator removed the containers): an AppHost of the same name in another folder may have left them, so they are
/// only reported.
/// </param>
public sealed record TeardownPlan(
    IReadOnlyList<EngineContainer> Containers,
    IReadOnlyList<EngineNetwork> Networks,
    IReadOnlyList<EngineVolume> Volumes,
    IReadOnlyList<EngineVolume> KeptVolumes,
    IReadOnlyList<EngineVolume> UnlabelledVolumes,
    IReadOnlyList<EngineNetwork> AbandonedNetworks)
{
    /// <summary>Aspire's orchestrator's label saying whether a container or network is persistent.</summary>
    public const string AspirePersistentLabel = "com.microsoft.developer.usvc-dev.persistent";

    /// <summary>The prefix of Aspire's session networks (<c>aspire-session-network-&lt;random&gt;-&lt;Name&gt;</c>).</summary>
    public const string AspireSessionNetworkPrefix = "aspire-session-network-";

    /// <summary>Chooses what to remove from <paramref name="inventory"/>.</summary>
    /// <example><code>var plan = TeardownPlan.Select(inventory, scope, removeVolumes: false); // plan.KeptVolumes: plex-transcode, ...</code></example>
    public static TeardownPlan Select(StackInventory inventory, TeardownScope scope, bool removeVolumes)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(scope);
        var containers = inventory.Containers.Where(c => IsOurs(c, scope)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var attached = containers.SelectMany(c => c.Networks).ToHashSet(StringComparer.Ordinal);
        var networks = inventory.Networks.Where(n => Labelled(n.Labels, scope.Application)
                || (!n.Labels.ContainsKey(ServarrLabels.App) && (n.Name == scope.PersistentNetwork
                    || (n.Name.StartsWith(AspireSessionNetworkPrefix, StringComparison.Ordinal) && attached.Contains(n.Name)))))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var volumes = inventory.Volumes.Where(v => Labelled(v.Labels, scope.Application)).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var unlabelled = inventory.Volumes.Where(v => scope.ModelVolumes.Contains(v.Name) && !Labelled(v.Labels, scope.Application))
            .OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var inUse = inventory.Containers.SelectMany(c => c.Networks).ToHashSet(StringComparer.Ordinal);
        var abandoned = inventory.Networks.Where(n => !networks.Contains(n) && !inUse.Contains(n.Name) && !n.Labels.ContainsKey(ServarrLabels.App)
                && n.Name.StartsWith(AspireSessionNetworkPrefix, StringComparison.Ordinal) && n.Name.EndsWith(scope.SessionNetworkSuffix, StringComparison.Ordinal))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        return new TeardownPlan(containers, networks, removeVolumes ? volumes : [], removeVolumes ? [] : volumes, unlabelled, abandoned);
    }

    /// <summary>Aspire's orchestrator's label with the process id of the orchestrator (DCP) that created a container.</summary>
    public const string AspireCreatorProcessLabel = "com.microsoft.developer.usvc-dev.creatorProcessId";

    /// <summary>
    /// The process that still runs the stack, or null: a VPN app's owning AppHost on this machine, or the orchestrator of a
    /// session (not persistent) container, when <paramref name="isAlive"/> says it lives. <c>down</c> refuses then, so it
    /// never pulls a running stack out from under its AppHost.
    /// </summary>
    /// <example><code>TeardownPlan.RunningOwner(plan.Containers, pid => Process.GetProcessById(pid) is not null) // 4711 while `dotnet run` runs</code></example>
    public static int? RunningOwner(IEnumerable<EngineContainer> containers, Func<int, bool> isAlive)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(isAlive);
        foreach (var container in containers)
        {
            var labels = container.Labels;
            var owner = labels.GetValueOrDefault(Vpn.VpnNames.OwnerHostLabel) == Environment.MachineName ? labels.GetValueOrDefault(Vpn.VpnNames.OwnerPidLabel)
                : labels.GetValueOrDefault(AspirePersistentLabel) == "false" ? labels.GetValueOrDefault(AspireCreatorProcessLabel)
                : null;
            if (int.TryParse(owner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && isAlive(pid))
            {
                return pid;
            }
        }

        return null;
    }

    private static bool IsOurs(EngineContainer container, TeardownScope scope) =>
        Labelled(container.Labels, scope.Application)
        || (!container.Labels.ContainsKey(ServarrLabels.App)
            && container.Labels.GetValueOrDefault(AspirePersistentLabel) == "true"
            && scope.PersistentContainerNames.Contains(container.Name));

    private static bool Labelled(IReadOnlyDictionary<string, string> labels, string application) =>
        labels.TryGetValue(ServarrLabels.App, out var value) && string.Equals(value, application, StringComparison.Ordinal);
}
