namespace Servarr.Hosting.Orchestration;

/// <summary>A container found on the engine.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name, without the leading slash.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Running">Whether it runs.</param>
public sealed record ContainerInfo(string Id, string Name, IReadOnlyDictionary<string, string> Labels, bool Running);
