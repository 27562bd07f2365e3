using Docker.DotNet.Models;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>Pure mapping of one stats message of the engine to <see cref="ContainerStats"/> (the arithmetic <c>docker stats</c> does).</summary>
public static class ContainerStatsMapper
{
    /// <summary>Maps <paramref name="response"/>; CPU is 0 for the first sample, which has no previous one.</summary>
    public static ContainerStats Map(ContainerStatsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cpu = response.CPUStats;
        var previous = response.PreCPUStats;
        var cpuDelta = (double)(cpu?.CPUUsage?.TotalUsage ?? 0) - (previous?.CPUUsage?.TotalUsage ?? 0);
        var systemDelta = (double)(cpu?.SystemUsage ?? 0) - (previous?.SystemUsage ?? 0);
        var cores = cpu?.OnlineCPUs is > 0 ? cpu.OnlineCPUs.Value : (uint)(cpu?.CPUUsage?.PercpuUsage?.Count ?? 1);
        var cpuPercent = cpuDelta > 0 && systemDelta > 0 ? cpuDelta / systemDelta * cores * 100.0 : 0;
        var memory = response.MemoryStats;
        var cache = memory?.Stats is { } stats && (stats.TryGetValue("inactive_file", out var inactive) || stats.TryGetValue("total_inactive_file", out inactive)) ? inactive : 0;
        var used = (long)Math.Max(0, (double)(memory?.Usage ?? 0) - cache);
        var networks = response.Networks?.Values ?? [];
        return new ContainerStats(cpuPercent, used, networks.Sum(n => (long)n.RxBytes), networks.Sum(n => (long)n.TxBytes));
    }
}
