using System.CommandLine;
using Servarr.Hosting.Orchestration;
using Spectre.Console;

namespace Servarr.Hosting.Cli;

/// <summary>
/// <c>run</c> (the default): checks the model, connects to Docker, creates the config folders, starts the stack in
/// dependency order and reports every state change, until Ctrl+C or SIGTERM; then removes the session's containers.
/// </summary>
internal static class RunCommand
{
    public static Option<PullPolicy> PullOption() => new("--pull")
    {
        Description = "When to pull images: missing (default), always, or never.",
        DefaultValueFactory = _ => PullPolicy.Missing,
    };

    public static Option<bool> LogsOption() => new("--logs")
    {
        Description = "Also print every container's console output, each line prefixed with its resource name.",
    };

    public static Option<bool> NoDashboardOption() => new("--no-dashboard")
    {
        Description = "Do not start the Aspire dashboard (and its resource service).",
    };

    /// <summary>The run switches, added to <paramref name="command"/>; returns how to read them.</summary>
    public static Func<ParseResult, (RunSessionOptions Options, bool ShowLogs)> AddOptions(Command command)
    {
        var (pull, logs, noDashboard) = (PullOption(), LogsOption(), NoDashboardOption());
        command.Options.Add(pull);
        command.Options.Add(logs);
        command.Options.Add(noDashboard);
        return result => (new RunSessionOptions { Pull = result.GetValue(pull), Dashboard = !result.GetValue(noDashboard) }, result.GetValue(logs));
    }

    public static Command Create(DistributedApplication application, TextWriter output)
    {
        var command = new Command("run", "Run the stack on the local Docker engine (the default when no verb is given).");
        var read = AddOptions(command);
        command.SetAction((result, token) => RunAsync(application, read(result), output, token));
        return command;
    }

    public static async Task<int> RunAsync(DistributedApplication application, (RunSessionOptions Options, bool ShowLogs) run, TextWriter output,
        CancellationToken cancellationToken)
    {
        var showLogs = run.ShowLogs;
        await using var session = await RunSession.CreateAsync(application, run.Options, cancellationToken).ConfigureAwait(false);
        if (session.DevelopmentFolders.Count > 0)
        {
            static string Shown(string folder) => Path.GetRelativePath(Directory.GetCurrentDirectory(), folder) is var relative && !relative.StartsWith("..", StringComparison.Ordinal)
                ? relative : folder;
            var folders = string.Join(", ", session.DevelopmentFolders.Select(d => $"{d.Parameter.Name} = {Shown(d.Folder)}"));
            var keys = string.Join(" and ", session.DevelopmentFolders.Select(d => d.Parameter.ConfigurationKey));
            await output.WriteLineAsync($"using development folders ({folders}); set {keys} to use your own").ConfigureAwait(false);
        }

        if (session.CreatedFolders.Count > 0)
        {
            var parent = Path.GetDirectoryName(session.CreatedFolders[0]);
            var names = session.CreatedFolders.All(f => Path.GetDirectoryName(f) == parent)
                ? $"{string.Join(", ", session.CreatedFolders.Select(Path.GetFileName))} in {parent}"
                : string.Join(", ", session.CreatedFolders);
            await output.WriteLineAsync($"created {session.CreatedFolders.Count} config folder(s): {names}").ConfigureAwait(false);
        }

        // A live table on a terminal; timestamped lines for CI, logs, and when console output is mixed in.
        var live = LiveStatusTable.Suits(output, showLogs);
        var status = new PlainStatusWriter(output);
        if (!live)
        {
            session.State.Changed += status.Write;
        }

        if (showLogs)
        {
            session.Orchestrator.LogLine += (resource, line, _) => status.WriteLog(resource, line);
        }

        await output.WriteLineAsync($"starting {session.Model.Containers.Count()} containers on {session.Endpoint} (Ctrl+C stops and removes them)")
            .ConfigureAwait(false);
        await session.StartAsync(cancellationToken).ConfigureAwait(false);
        if (session.DashboardLoginUrl is { } login)
        {
            await output.WriteLineAsync($"dashboard: {login} (resource service on port {session.ResourceServicePort})").ConfigureAwait(false);
        }

        var gate = session.Orchestrator.Gate!;
        foreach (var line in ParameterSummary.Lines(session.Model, gate))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        var order = StartPlan.Create(session.Model).Containers.Select(c => c.Name).ToList();
        var containers = session.Model.Containers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        string? Note(string name) => containers.TryGetValue(name, out var c) ? ParameterSummary.FeatureNote(c, gate) : null;
        var display = live ? LiveStatusTable.ShowAsync(AnsiConsole.Console, session.State, order, cancellationToken, Note) : Task.CompletedTask;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await display.ConfigureAwait(false);

        await output.WriteLineAsync("stopping: removing the session's containers (volumes and config stay)").ConfigureAwait(false);
        await session.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
