using System.Reflection;
using Servarr.Hosting;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// Runs the real Servarr.AppHost Program.cs in-process, as `dotnet run --project Servarr.AppHost -- args` would,
/// but without environment variables or user-secrets so its output depends only on the repository.
/// </summary>
internal static class AppHostRunner
{
    private static readonly Assembly s_appHost = Assembly.Load("Servarr.AppHost");

    public sealed record Result(int ExitCode, string Output, string Error, DistributedApplication? Application);

    public static async Task<Result> RunAsync(string[] args, IDictionary<string, string?>? configuration = null, bool skipRun = false,
        CancellationToken cancellation = default, string? appHostDirectory = null, string? userSecretsPath = null, TextWriter? liveOutput = null)
    {
        var output = liveOutput ?? new StringWriter();
        var error = new StringWriter();
        DistributedApplication? built = null;
        var hook = new DistributedApplicationTestHook
        {
            ConfigureOptions = options => new DistributedApplicationOptions
            {
                Args = options.Args,
                AppHostDirectory = appHostDirectory ?? RepositoryPaths.AppHostDirectory,
                UserSecretsId = null,
                UserSecretsPath = userSecretsPath,
                ReadMachineConfiguration = false,
                ConfigurationOverrides = configuration ?? new Dictionary<string, string?>(),
            },
            OnBuilt = app => built = app,
            Output = output,
            Error = error,
            SkipRun = skipRun,
            RunCancellation = cancellation,
        };
        var exitCode = await hook.RunEntryPointAsync(s_appHost, args);
        return new Result(exitCode, output.ToString() ?? "", error.ToString(), built);
    }

    /// <summary>The default stack's model, as Program.cs declares it for <paramref name="args"/>.</summary>
    public static Task<DistributedApplication> BuildDefaultStackAsync(params string[] args) => BuildDefaultStackAsync(null, args);

    /// <summary>The default stack's model with <paramref name="configuration"/> (e.g. <c>Parameters:x</c>) set while it is built.</summary>
    public static async Task<DistributedApplication> BuildDefaultStackAsync(IDictionary<string, string?>? configuration, params string[] args)
    {
        var result = await RunAsync(args.Length == 0 ? ["publish", "--publisher", "manifest"] : args, configuration, skipRun: true);
        return result.Application ?? throw new InvalidOperationException("Program.cs did not call Build().");
    }
}
