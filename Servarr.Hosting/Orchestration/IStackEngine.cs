namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The engine calls <c>down</c> and run mode's volume labelling need (implemented with Docker.DotNet in <c>Docker/</c>).
/// Every failure is a <see cref="ServarrException"/> with a one-line message; an engine that does not answer says so.
/// </summary>
/// <example><code>IStackEngine engine = DockerEngine.FromEnvironment(); var inventory = await engine.InventoryAsync(ct);</code></example>
public interface IStackEngine
{
    /// <summary>Every container (running or not), network and volume on the engine, with their labels.</summary>
    Task<StackInventory> InventoryAsync(CancellationToken cancellationToken);

    /// <summary>Stops (with <paramref name="timeout"/> before the kill) and removes a container; a missing one is fine.</summary>
    Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Removes a network; a missing one is fine.</summary>
    Task RemoveNetworkAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes a volume and the data in it; a missing one is fine.</summary>
    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>The volume called <paramref name="name"/>, or null.</summary>
    Task<EngineVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates volume <paramref name="name"/> with <paramref name="labels"/>.</summary>
    Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);
}

/// <summary>What is on the engine.</summary>
/// <param name="Containers">Every container, running or not.</param>
/// <param name="Networks">Every network.</param>
/// <param name="Volumes">Every volume.</param>
/// <example><code>new StackInventory([new EngineContainer("c1", "plex-ab12cd34", labels, ["aspire-session-network-x-Servarr"])], [], [])</code></example>
public sealed record StackInventory(IReadOnlyList<EngineContainer> Containers, IReadOnlyList<EngineNetwork> Networks, IReadOnlyList<EngineVolume> Volumes);

/// <summary>A container on the engine.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name, without Docker's leading slash.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Networks">The names of the networks it is attached to.</param>
public sealed record EngineContainer(string Id, string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Networks);

/// <summary>A network on the engine.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Labels">Its labels.</param>
public sealed record EngineNetwork(string Id, string Name, IReadOnlyDictionary<string, string> Labels);

/// <summary>A volume on the engine.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Labels">Its labels.</param>
public sealed record EngineVolume(string Name, IReadOnlyDictionary<string, string> Labels);
