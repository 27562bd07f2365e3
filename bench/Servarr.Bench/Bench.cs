using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Cli;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Manifest;
using Servarr.Hosting.Validation;

namespace Servarr.Bench;

/// <summary>What one phase cost: wall time, bytes allocated, and full (gen2) collections that ran during it.</summary>
internal readonly record struct PhaseCost(double Ms, double MiB, int Gen2);

/// <summary>
/// The phases of one pass, in order: build, validate, manifest, compose map, compose yaml. For a summary of many
/// passes, <paramref name="MedianTotal"/> is the median of their totals, which need not be the sum of the phase medians.
/// </summary>
internal sealed record PassTimes(IReadOnlyList<PhaseCost> Phases, double? MedianTotal = null)
{
    public static readonly string[] Names = ["build", "validate", "manifest", "compose map", "compose yaml"];

    public double Total => MedianTotal ?? Phases.Sum(p => p.Ms);

    public double Compose => Phases[3].Ms + Phases[4].Ms;
}

/// <summary>Times consecutive phases on the current thread.</summary>
internal sealed class PhaseClock
{
    private long _time = Stopwatch.GetTimestamp();
    private long _bytes = GC.GetAllocatedBytesForCurrentThread();
    private int _gen2 = GC.CollectionCount(2);

    public List<PhaseCost> Phases { get; } = [];

    /// <summary>Ends the current phase and starts the next.</summary>
    public void Lap()
    {
        var (time, bytes, gen2) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(2));
        Phases.Add(new(Stopwatch.GetElapsedTime(_time, time).TotalMilliseconds, (bytes - _bytes) / 1048576.0, gen2 - _gen2));
        (_time, _bytes, _gen2) = (time, bytes, gen2);
    }
}

/// <summary>What one pass produced, to check the model is what it claims to be.</summary>
internal sealed record PassOutput(DistributedApplicationModel Model, IReadOnlyList<ValidationProblem> Problems, byte[] Manifest,
    ComposeFile Compose, string Yaml);

internal static class Bench
{
    // Not read or written: bind sources are rendered relative to these, the way the CLI would.
    private static readonly string s_appHostDirectory = Path.Combine(Path.GetTempPath(), "servarr-bench", "apphost");
    private static readonly string s_outputDirectory = Path.Combine(Path.GetTempPath(), "servarr-bench", "out");

    public static int Steady(BenchOptions options)
    {
        Console.WriteLine($"Servarr.Bench: synthetic model, in-process, no disk I/O in the timed part; median of {options.Runs} runs after {options.Warmup} warm-up runs per size");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Configuration()}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}");
        Console.WriteLine();

        // Check each size once, untimed: a model with problems would time the error path, not publishing.
        foreach (var size in options.Sizes)
        {
            var (_, output) = Pass(size);
            if (!Describe(size, output))
            {
                return 1;
            }
        }

        Console.WriteLine();
        for (var i = 0; i < options.Warmup; i++)
        {
            foreach (var size in options.Sizes)
            {
                Pass(size);
            }
        }

        // Sizes alternate within a round, so drift on the machine hits every size alike.
        var samples = options.Sizes.ToDictionary(s => s, _ => new List<PassTimes>());
        for (var i = 0; i < options.Runs; i++)
        {
            foreach (var size in options.Sizes)
            {
                Collect();
                samples[size].Add(Pass(size).Times);
            }
        }

        var medians = samples.ToDictionary(s => s.Key, s => Median(s.Value));
        var fastest = samples.ToDictionary(s => s.Key, s => s.Value.Min(t => t.Total));
        PrintTable(options.Sizes, medians);
        PrintTargets(options.Sizes, medians, fastest);
        return 0;
    }

    /// <summary>One full pass over a fresh model of <paramref name="size"/> resources, each phase timed.</summary>
    public static (PassTimes Times, PassOutput Output) Pass(int size)
    {
        var clock = new PhaseClock();
        var builder = CreateBuilder(PublishArgs("compose"), readMachineConfiguration: false);
        SyntheticStack.Declare(builder, size);
        var model = builder.Build().Model;
        clock.Lap();

        var values = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        var problems = ModelValidator.Validate(new ValidationContext(model, builder.ExecutionContext, values, "compose"));
        clock.Lap();

        var manifestContext = new PublishContext(model, builder.ExecutionContext, values, s_appHostDirectory,
            Path.Combine(s_outputDirectory, "aspire-manifest.json"));
        var manifest = ManifestPublisher.Write(manifestContext, s_outputDirectory);
        clock.Lap();

        var composeContext = new PublishContext(model, builder.ExecutionContext, values, s_appHostDirectory, s_outputDirectory);
        var composeFile = ComposePublisher.BuildFile(composeContext, s_outputDirectory);
        clock.Lap();
        var yaml = ComposeYaml.Serialize(composeFile);
        clock.Lap();

        return (new PassTimes(clock.Phases), new PassOutput(model, problems, manifest, composeFile, yaml));
    }

    /// <summary>
    /// One pass in a fresh process, each phase timed the first time it runs (JIT, type loading and static
    /// initialisation included), in the order the CLI runs them. The last phase is the real CLI verb once everything
    /// else is warm, so what it adds is mostly System.CommandLine (the rest runs again, warm). Explains where a
    /// short-lived <c>publish</c> process spends its time; bench/publish-vs-hello.sh measures the process as a whole.
    /// </summary>
    public static async Task<int> ColdAsync(int size)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var mainEntered = DateTime.UtcNow;
        var (mainMethods, mainJit) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        var phases = new List<(string Name, double Ms, long Methods, double JitMs)>();
        var last = Stopwatch.GetTimestamp();
        var (lastMethods, lastJit) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        void Phase(string name)
        {
            var (now, methods, jit) = (Stopwatch.GetTimestamp(), JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            phases.Add((name, Ms(last, now), methods - lastMethods, (jit - lastJit).TotalMilliseconds));
            (last, lastMethods, lastJit) = (now, methods, jit);
        }

        var output = Path.Combine(Path.GetTempPath(), $"servarr-bench-cold-{Environment.ProcessId}");
        try
        {
            // As the CLI does: configuration from appsettings.json, environment variables and user-secrets.
            var builder = CreateBuilder([.. PublishArgs("compose"), "--output-path", output], readMachineConfiguration: true);
            Phase("builder + configuration (CreateBuilder)");

            SyntheticStack.Declare(builder, size);
            var application = builder.Build();
            Phase($"declare {size} resources + Build()");

            var values = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
            var problems = ModelValidator.Validate(new ValidationContext(application.Model, builder.ExecutionContext, values, "compose"));
            Phase("validate (ModelValidator.Validate)");

            var context = new PublishContext(application.Model, builder.ExecutionContext, values, s_appHostDirectory, output);
            ManifestPublisher.Write(context, output);
            Phase("manifest render (ManifestPublisher.Write)");

            var file = ComposePublisher.BuildFile(context, output);
            Phase("compose map (ComposePublisher.BuildFile)");

            ComposeYaml.Serialize(file);
            Phase("compose yaml, first call (ComposeYaml.Serialize)");

            await new ComposePublisher().PublishAsync(context, CancellationToken.None);
            await new ManifestPublisher().PublishAsync(context, CancellationToken.None);
            Phase("write the files (both PublishAsync: .env, atomic writes)");

            using var discard = new StringWriter();
            var exit = await ServarrCommandLine.InvokeAsync(application, [.. PublishArgs("compose"), "--output-path", output], discard,
                discard, CancellationToken.None);
            Phase("CLI verb `publish --publisher compose` (System.CommandLine)");

            if (problems.Count > 0 || exit != 0)
            {
                Console.Error.WriteLine($"cold pass failed: {problems.Count} problem(s), CLI exit {exit}: {discard}");
                return 1;
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }

        Console.WriteLine($"Servarr.Bench --cold: first run of each phase in a fresh process, {size} resources, {Configuration()}");
        Console.WriteLine($"  {"phase",-62} {"wall ms",8} {"JIT ms",8} {"methods JIT-compiled",21}");
        // The kernel records the start of a process in clock ticks (10 ms on most Linux systems): a rough figure.
        Console.WriteLine($"  {"process start -> Main (runtime start; 10 ms resolution)",-62} {(mainEntered - processStart).TotalMilliseconds,8:F1} {mainJit.TotalMilliseconds,8:F1} {mainMethods,21}");
        foreach (var (name, ms, methods, jitMs) in phases)
        {
            Console.WriteLine($"  {name,-62} {ms,8:F1} {jitMs,8:F1} {methods,21}");
        }

        Console.WriteLine($"  {"sum of phases after Main",-62} {phases.Sum(p => p.Ms),8:F1} {phases.Sum(p => p.JitMs),8:F1} {phases.Sum(p => p.Methods),21}");
        return 0;
    }

    private static IDistributedApplicationBuilder CreateBuilder(string[] args, bool readMachineConfiguration) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            AppHostDirectory = s_appHostDirectory,
            UserSecretsId = null,
            ReadMachineConfiguration = readMachineConfiguration,
        });

    private static string[] PublishArgs(string publisher) => ["publish", "--publisher", publisher];

    private static bool Describe(int size, PassOutput output)
    {
        var model = output.Model;
        var containers = model.Containers.ToList();
        using var manifest = JsonDocument.Parse(output.Manifest);
        var manifestEntries = manifest.RootElement.GetProperty("resources").EnumerateObject().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {size}: {model.Resources.Count} resources = {model.Parameters.Count()} parameters + {containers.Count} containers ({containers.Count(c => c is IVpnGatewayResource)} VPN gateways, {containers.Count(c => c.GetVpnGateway() is not null)} apps behind one) + {model.Networks.Count()} networks; manifest {output.Manifest.Length / 1024} KiB, {manifestEntries} entries; compose {output.Yaml.Length / 1024} KiB, {output.Compose.Services.Count} services, {output.Compose.Volumes?.Count ?? 0} volumes"));
        if (model.Resources.Count != size || output.Problems.Count > 0 || output.Compose.Services.Count != containers.Count
            || manifestEntries != model.Resources.Count - model.Networks.Count())
        {
            Console.Error.WriteLine($"model {size} is not the valid model the benchmark needs:");
            foreach (var problem in output.Problems.Take(20))
            {
                Console.Error.WriteLine($"  {problem}");
            }

            return false;
        }

        return true;
    }

    private static void PrintTable(int[] sizes, Dictionary<int, PassTimes> medians)
    {
        string[] headers = ["resources", "build", "validate", "manifest", "compose", "(map", "+ yaml)", "total"];
        Console.WriteLine("median ms per phase (total: median of the pass totals):");
        Console.WriteLine(string.Join(" ", headers.Select((h, i) => i == 0 ? $"{h,-10}" : $"{h,9}")));
        Console.WriteLine(new string('-', 10 + (headers.Length - 1) * 10));
        foreach (var size in sizes)
        {
            Row($"{size}", Columns(medians[size]), "F1");
        }

        // Each phase's growth against the smallest size: a phase well above the size ratio grows faster than the model.
        var smallest = Columns(medians[sizes[0]]);
        foreach (var size in sizes.Skip(1))
        {
            Row($"x{size}/{sizes[0]}", Columns(medians[size]).Select((v, i) => v / smallest[i]).ToArray(), "F2");
        }

        // Allocation should grow with the model; a phase whose time grows faster than its allocation, with full
        // collections in it, is paying for collections of the whole live model rather than doing more work itself.
        Console.WriteLine();
        Console.WriteLine("median MiB allocated per phase, and full (gen2) GCs during the phase (sum over the pass in total):");
        foreach (var size in sizes)
        {
            var phases = medians[size].Phases;
            var cells = phases.Select(p => $"{p.MiB:F1} ({p.Gen2})").ToList();
            cells.Insert(3, $"{phases[3].MiB + phases[4].MiB:F1} ({phases[3].Gen2 + phases[4].Gen2})");
            cells.Add($"{phases.Sum(p => p.MiB):F1} ({phases.Sum(p => p.Gen2)})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,-10} {string.Join(" ", cells.Select(c => $"{c,9}"))}"));
        }

        Console.WriteLine();
    }

    // build, validate, manifest, compose, compose map, compose yaml, total: the table's columns.
    private static double[] Columns(PassTimes t) =>
        [t.Phases[0].Ms, t.Phases[1].Ms, t.Phases[2].Ms, t.Compose, t.Phases[3].Ms, t.Phases[4].Ms, t.Total];

    private static void Row(string label, double[] values, string format) =>
        Console.WriteLine($"{label,-10} {string.Join(" ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture).PadLeft(9)))}");

    private static void PrintTargets(int[] sizes, Dictionary<int, PassTimes> medians, Dictionary<int, double> fastest)
    {
        if (medians.TryGetValue(1000, out var thousand))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"t(1000) = {thousand.Total:F1} ms (target <= 1000 ms): {(thousand.Total <= 1000 ? "MET" : "MISSED")}"));
            if (medians.TryGetValue(2000, out var twoThousand))
            {
                var ratio = twoThousand.Total / thousand.Total;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"t(2000) / t(1000) = {ratio:F2} (target <= 2.2): {(ratio <= 2.2 ? "MET" : "MISSED")}"));
                // Other load on the machine only ever adds time, so the fastest runs show the code with the least noise.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  the same ratio over the fastest run of each size: {fastest[2000] / fastest[1000]:F2} ({fastest[1000]:F1} ms, {fastest[2000]:F1} ms)"));
            }
        }
        else
        {
            Console.WriteLine($"(targets are stated for sizes 1000 and 2000; measured {string.Join(", ", sizes)})");
        }
    }

    // The median of each phase on its own, and of the pass totals.
    private static PassTimes Median(List<PassTimes> samples) => new(
        [.. PassTimes.Names.Select((_, i) => new PhaseCost(
            Median(samples.Select(s => s.Phases[i].Ms)),
            Median(samples.Select(s => s.Phases[i].MiB)),
            (int)Math.Round(Median(samples.Select(s => (double)s.Phases[i].Gen2)))))],
        Median(samples.Select(s => s.Total)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Configuration() =>
#if DEBUG
        "Debug build (use Release for figures)";
#else
        "Release";
#endif
}
