namespace Servarr.Hosting.Orchestration;

/// <summary>A container found on the engine.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name, without the leading slash.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Running">Whether it runs.</param>
/// <param name="LoopbackPorts">Container TCP port → host port, for ports it publishes on 127.0.0.1 (while it runs).</param>
public sealed record ContainerInfo(string Id, string Name, IReadOnlyDictionary<string, string> Labels, bool Running,
    IReadOnlyDictionary<int, int>? LoopbackPorts = null);
