using System.CommandLine;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Validation;

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

    public static Command Create(DistributedApplication application, TextWriter output)
    {
        var pull = PullOption();
        var logs = LogsOption();
        var command = new Command("run", "Run the stack on the local Docker engine (the default when no verb is given).") { pull, logs };
        command.SetAction((result, token) => RunAsync(application, result.GetValue(pull), result.GetValue(logs), output, token));
        return command;
    }

    public static async Task<int> RunAsync(DistributedApplication application, PullPolicy pull, bool showLogs, TextWriter output,
        CancellationToken cancellationToken)
    {
        var builder = application.Builder;
        if (!builder.ExecutionContext.IsRunMode)
        {
            throw new ServarrException("the AppHost was started for publishing; pass --publisher manifest|compose with --output-path");
        }

        // Checked with values held in memory only, so a failed check writes nothing.
        var check = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        ModelValidator.ThrowIfInvalid(new ValidationContext(application.Model, builder.ExecutionContext, check));

        var endpoint = AppIdentity.DockerEndpoint(builder);
        using var runtime = await DockerContainerRuntime.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);

        // Now generated secrets are created once and kept in user-secrets.
        var store = builder.UserSecretsId is null ? null : UserSecretsStore.ForId(builder.UserSecretsId);
        var parameters = new ParameterValues(builder.Configuration, builder.ExecutionContext, store);
        var run = new RunContext(AppIdentity.AppName(builder), Guid.NewGuid().ToString("N")[..12], parameters, builder.AppHostDirectory,
            DevelopmentPorts.Assign(application.Model));
        foreach (var folder in HostFolders.CreateConfigFolders(application.Model, run))
        {
            await output.WriteLineAsync($"created config folder {folder}").ConfigureAwait(false);
        }

        var state = new RunState();
        var status = new PlainStatusWriter(output);
        state.Changed += status.Write;
        await using var orchestrator = new ApplicationOrchestrator(runtime, state);
        if (showLogs)
        {
            orchestrator.LogLine += (resource, line, _) => status.WriteLog(resource, line);
        }

        await output.WriteLineAsync($"starting {application.Model.Containers.Count()} containers on {endpoint} (Ctrl+C stops and removes them)")
            .ConfigureAwait(false);
        await orchestrator.StartAsync(application.Model, run, pull, cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync("stopping: removing the session's containers (volumes and config stay)").ConfigureAwait(false);
        await orchestrator.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
