using System.CommandLine;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Cli;

/// <summary>
/// The AppHost's command line: <c>run</c> (the default), <c>publish</c>, <c>down</c>, <c>restore</c>, <c>doctor</c> and <c>params</c>, plus Aspire's verb-less
/// <c>--publisher manifest --output-path aspire-manifest.json</c>. Known errors print one line each and exit non-zero.
/// </summary>
public static class ServarrCommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the verb; returns the exit code.</summary>
    public static async Task<int> InvokeAsync(DistributedApplication application, IReadOnlyList<string> args, TextWriter output,
        TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Servarr: your media stack (Plex, the *arr apps, qBittorrent behind a VPN, tunnel, backups, monitoring) described in C#.\nRun it on Docker, or publish it as docker compose or an Aspire manifest.");
        var publisher = CliOptions.Publisher();
        var outputPath = CliOptions.OutputPath();
        root.Options.Add(publisher);
        root.Options.Add(outputPath);
        var run = RunCommand.Create(application, output);
        var readRun = RunCommand.AddOptions(root);
        var withDashboard = PublishCommand.WithDashboardOption();
        root.Options.Add(withDashboard);
        root.Subcommands.Add(run);
        root.Subcommands.Add(PublishCommand.Create(application, output));
        root.Subcommands.Add(DownCommand.Create(application, output, error));
        root.Subcommands.Add(RestoreCommand.Create(application, output));
        root.Subcommands.Add(DoctorCommand.Create(application, output));
        root.Subcommands.Add(ParamsCommand.Create(application, output));
        root.SetAction((result, token) => result.GetValue(publisher) is { } name
            ? PublishCommand.PublishAsync(application, name, result.GetValue(outputPath), output, token, result.GetValue(withDashboard))
            : RunCommand.RunAsync(application, readRun(result), output, token));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message} (see --help)").ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        try
        {
            // Ctrl+C / SIGTERM cancel the token; the stack then gets up to a minute to stop before the process exits.
            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromMinutes(1),
            };
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelValidationException exception)
        {
            foreach (var problem in exception.Problems)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"{exception.Problems.Count} problem(s) found; nothing was written or started.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (ServarrException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {exception.Message} (check the path and its permissions)").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"unexpected error (please report it): {exception}").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
    }
}
