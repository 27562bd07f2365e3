namespace Servarr.Hosting.Orchestration;

/// <summary>One sample of a container's resource use, from the engine's stats stream.</summary>
/// <param name="CpuPercent">CPU use since the previous sample, in percent of one core (200 = two cores busy).</param>
/// <param name="MemoryBytes">Memory in use (without the page cache the engine reports as inactive file).</param>
/// <param name="NetworkReceivedBytes">Bytes received on all interfaces since the container started.</param>
/// <param name="NetworkSentBytes">Bytes sent on all interfaces since the container started.</param>
public sealed record ContainerStats(double CpuPercent, long MemoryBytes, long NetworkReceivedBytes, long NetworkSentBytes);
