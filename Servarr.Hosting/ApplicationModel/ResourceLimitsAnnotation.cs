using System.Globalization;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The most memory and CPU a container may use: compose <c>mem_limit</c> and <c>cpus</c>, Kubernetes
/// <c>resources.limits</c>, run mode <c>--memory</c> and <c>--cpus</c>. Memory is in MiB (Docker's <c>m</c>,
/// Kubernetes' <c>Mi</c>); an app over its memory limit is killed by the kernel and restarted.
/// </summary>
/// <example><code>plex.WithAnnotation(new ResourceLimitsAnnotation(memoryMiB: 4096, cpus: 4)); // what .WithResourceLimits(...) records</code></example>
public sealed class ResourceLimitsAnnotation : IResourceAnnotation
{
    /// <summary>Docker's smallest memory limit, 6 MiB.</summary>
    public const int MinimumMemoryMiB = 6;

    /// <summary>Records the limits; at least one is given.</summary>
    public ResourceLimitsAnnotation(int? memoryMiB = null, double? cpus = null)
    {
        if (memoryMiB is null && cpus is null)
        {
            throw new ArgumentException("no limit given; pass memoryMiB: (e.g. 2048) and/or cpus: (e.g. 1.5)", nameof(memoryMiB));
        }

        if (memoryMiB is < MinimumMemoryMiB)
        {
            throw new ArgumentException($"memory limit {memoryMiB} MiB is below Docker's minimum of {MinimumMemoryMiB} MiB; pass memoryMiB: a number of MiB such as 2048", nameof(memoryMiB));
        }

        if (cpus is { } c && (double.IsNaN(c) || c < 0.01 || c > 1024 || Math.Round(c, 2) != c))
        {
            throw new ArgumentException($"CPU limit {cpus.Value.ToString(CultureInfo.InvariantCulture)} is not a CPU count Docker takes; pass cpus: from 0.01 to 1024 with at most two decimals, e.g. 1.5", nameof(cpus));
        }

        MemoryMiB = memoryMiB;
        Cpus = cpus;
    }

    /// <summary>The memory limit in MiB, or null.</summary>
    public int? MemoryMiB { get; }

    /// <summary>The CPU limit in CPUs, or null.</summary>
    public double? Cpus { get; }

    /// <summary>The CPU limit as compose and Docker write it, e.g. <c>1.5</c>, or null.</summary>
    public string? CpusText => Cpus?.ToString("0.##", CultureInfo.InvariantCulture);
}
