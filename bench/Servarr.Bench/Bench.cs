using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Cli;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Manifest;
using Servarr.Hosting.Validation;

namespace Servarr.Bench;

/// <summary>The phases of one pass, in milliseconds.</summary>
internal sealed record PassTimes(double Build, double Validate, double Manifest, double ComposeMap, double ComposeYaml)
{
    public double Compose => ComposeMap + ComposeYaml;

    public double Total => Build + Validate + Manifest + Compose;
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
        PrintTable(options.Sizes, medians);
        PrintTargets(options.Sizes, medians);
        return 0;
    }

    /// <summary>One full pass over a fresh model of <paramref name="size"/> resources, each phase timed.</summary>
    public static (PassTimes Times, PassOutput Output) Pass(int size)
    {
        var start = Stopwatch.GetTimestamp();
        var builder = CreateBuilder([.. PublishArgs("compose")], readMachineConfiguration: false);
        SyntheticStack.Declare(builder, size);
        var application = builder.Build();
        var model = application.Model;
        var built = Stopwatch.GetTimestamp();

        var values = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        var problems = ModelValidator.Validate(new ValidationContext(model, builder.ExecutionContext, values, "compose"));
        var validated = Stopwatch.GetTimestamp();

        var manifestContext = new PublishContext(model, builder.ExecutionContext, values, s_appHostDirectory,
            Path.Combine(s_outputDirectory, "aspire-manifest.json"));
        var manifest = ManifestPublisher.Write(manifestContext, s_outputDirectory);
        var manifested = Stopwatch.GetTimestamp();

        var composeContext = new PublishContext(model, builder.ExecutionContext, values, s_appHostDirectory, s_outputDirectory);
        var composeFile = ComposePublisher.BuildFile(composeContext, s_outputDirectory);
        var mapped = Stopwatch.GetTimestamp();
        var yaml = ComposeYaml.Serialize(composeFile);
        var serialized = Stopwatch.GetTimestamp();

        var times = new PassTimes(Ms(start, built), Ms(built, validated), Ms(validated, manifested), Ms(manifested, mapped),
            Ms(mapped, serialized));
        return (times, new PassOutput(model, problems, manifest, composeFile, yaml));
    }

    /// <summary>
    /// One pass in a fresh process, each phase timed the first time it runs (JIT, type loading and static
    /// initialisation included), in the order the CLI runs them. The last phase is the real CLI verb once everything
    /// else is warm, so what it adds is System.CommandLine. Explains where a short-lived <c>publish</c> process spends
    /// its time; bench/publish-vs-hello.sh measures the process as a whole.
    /// </summary>
    public static async Task<int> ColdAsync(int size)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var mainEntered = DateTime.UtcNow;
        var phases = new List<(string Name, double Ms)>();
        var last = Stopwatch.GetTimestamp();
        void Phase(string name)
        {
            var now = Stopwatch.GetTimestamp();
            phases.Add((name, Ms(last, now)));
            last = now;
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
            Phase("CLI verb `publish --publisher compose`, the rest warm");

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
        // The kernel records the start of a process in clock ticks (10 ms on most Linux systems): a rough figure.
        Console.WriteLine($"  {"process start -> Main (runtime start; 10 ms resolution)",-62} {(mainEntered - processStart).TotalMilliseconds,8:F1} ms");
        foreach (var (name, ms) in phases)
        {
            Console.WriteLine($"  {name,-62} {ms,8:F1} ms");
        }

        Console.WriteLine($"  {"sum of phases after Main",-62} {phases.Sum(p => p.Ms),8:F1} ms");
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
        Console.WriteLine("median ms per phase:");
        Console.WriteLine(string.Join(" ", headers.Select((h, i) => i == 0 ? $"{h,-10}" : $"{h,9}")));
        Console.WriteLine(new string('-', 10 + (headers.Length - 1) * 10));
        foreach (var size in sizes)
        {
            var t = medians[size];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,-10} {t.Build,9:F1} {t.Validate,9:F1} {t.Manifest,9:F1} {t.Compose,9:F1} {t.ComposeMap,9:F1} {t.ComposeYaml,9:F1} {t.Total,9:F1}"));
        }

        // The growth of every phase against the smallest size: a phase well above size ratio is superlinear.
        var smallest = medians[sizes[0]];
        foreach (var size in sizes.Skip(1))
        {
            var t = medians[size];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"x{size}/{sizes[0]}",-10} {t.Build / smallest.Build,9:F2} {t.Validate / smallest.Validate,9:F2} {t.Manifest / smallest.Manifest,9:F2} {t.Compose / smallest.Compose,9:F2} {t.ComposeMap / smallest.ComposeMap,9:F2} {t.ComposeYaml / smallest.ComposeYaml,9:F2} {t.Total / smallest.Total,9:F2}"));
        }

        Console.WriteLine();
    }

    private static void PrintTargets(int[] sizes, Dictionary<int, PassTimes> medians)
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
            }
        }
        else
        {
            Console.WriteLine($"(targets are stated for sizes 1000 and 2000; measured {string.Join(", ", sizes)})");
        }
    }

    private static PassTimes Median(List<PassTimes> samples) => new(
        Median(samples.Select(s => s.Build)), Median(samples.Select(s => s.Validate)), Median(samples.Select(s => s.Manifest)),
        Median(samples.Select(s => s.ComposeMap)), Median(samples.Select(s => s.ComposeYaml)));

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
