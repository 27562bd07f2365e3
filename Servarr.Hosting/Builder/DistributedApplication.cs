using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Cli;

namespace Servarr.Hosting;

/// <summary>
/// The built stack. <see cref="RunAsync(CancellationToken)"/> parses the command line and runs the stack or
/// publishes it.
/// </summary>
/// <example>
/// <code>
/// var builder = DistributedApplication.CreateBuilder(args);
/// builder.AddSonarr("sonarr");
/// return await builder.Build().RunAsync();
/// </code>
/// </example>
public sealed class DistributedApplication
{
    internal DistributedApplication(DistributedApplicationBuilder builder, DistributedApplicationModel model)
    {
        Builder = builder;
        Model = model;
    }

    /// <summary>The builder the application came from (configuration, directory, execution context).</summary>
    public DistributedApplicationBuilder Builder { get; }

    /// <summary>The frozen model.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>Creates a builder for the command-line arguments <paramref name="args"/>.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return CreateBuilder(new DistributedApplicationOptions { Args = args });
    }

    /// <summary>Creates a builder from explicit options.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hook = DistributedApplicationTestHook.Current;
        return new DistributedApplicationBuilder(hook?.ConfigureOptions?.Invoke(options) ?? options);
    }

    /// <summary>
    /// Runs the verb on the command line (<c>run</c> by default, or <c>publish</c>); returns the process exit code
    /// and also sets <see cref="Environment.ExitCode"/>.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var hook = DistributedApplicationTestHook.Current;
        if (hook?.SkipRun == true)
        {
            return 0;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hook?.RunCancellation ?? CancellationToken.None);
        var exitCode = await ServarrCommandLine.InvokeAsync(this, Builder.Options.Args, hook?.Output ?? Console.Out,
                hook?.Error ?? Console.Error, linked.Token)
            .ConfigureAwait(false);
        Environment.ExitCode = exitCode;
        return exitCode;
    }
}
