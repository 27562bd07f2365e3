using System.CommandLine;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Diagnostics;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Cli;

/// <summary><c>doctor</c>: the stack's exposure report from the model (no engine needed), then the model's problems.</summary>
internal static class DoctorCommand
{
    public static Command Create(DistributedApplication application, TextWriter output)
    {
        var command = new Command("doctor", "Print the stack's exposure report: host ports, public hostnames, Docker socket users, privileges, writable mounts, network zones, who calls whom.");
        command.SetAction((_, token) => DoctorAsync(application, output, token));
        return command;
    }

    private static async Task<int> DoctorAsync(DistributedApplication application, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = application.Builder;
        var values = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        // The exposure of the real host: folders as published (not the development folders `dotnet run` falls back to).
        var published = new ParameterValues(builder.Configuration, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), store: null);
        var report = ExposureReport.Render(application.Model, p => p.Secret ? null : published.Resolve(p).Value);
        await output.WriteAsync(report.AsMemory(), cancellationToken).ConfigureAwait(false);
        var problems = ModelValidator.Validate(new ValidationContext(application.Model, builder.ExecutionContext, values));
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(problems.Count == 0 ? "Problems: none" : $"Problems ({problems.Count}):").ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync($"  {problem}").ConfigureAwait(false);
        }

        // Not problems: `dotnet run` starts everything else and these wait (or, for optional features, are off).
        var missing = new Orchestration.ParameterGate(application.Model, values).Missing();
        if (missing.Count > 0)
        {
            await output.WriteLineAsync($"Waiting for parameters ({missing.Count}; `params` lists and sets them):").ConfigureAwait(false);
            foreach (var (parameter, resources) in missing)
            {
                await output.WriteLineAsync($"  {parameter.Name} — {string.Join(", ", resources)}").ConfigureAwait(false);
            }
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
