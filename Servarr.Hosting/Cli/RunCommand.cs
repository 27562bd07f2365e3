using System.CommandLine;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Cli;

/// <summary><c>run</c>: checks the model as it would run; starting it on Docker lands with the run-mode work.</summary>
internal static class RunCommand
{
    public const string NotAvailableMessage =
        "Running the stack on the local Docker engine is not available yet; publish it instead: dotnet run --project Servarr.AppHost -- publish --publisher compose --output-path deploy/compose";

    public static Command Create(DistributedApplication application, TextWriter error)
    {
        var command = new Command("run", "Run the stack on the local Docker engine (the default when no verb is given).");
        command.SetAction((_, token) => RunAsync(application, error, token));
        return command;
    }

    public static async Task<int> RunAsync(DistributedApplication application, TextWriter error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = application.Builder;
        if (!builder.ExecutionContext.IsRunMode)
        {
            throw new ServarrException("the AppHost was started for publishing; pass --publisher manifest|compose with --output-path");
        }

        // Checked with values held in memory only: generated secrets are saved to user-secrets by the run itself,
        // once the model is valid, so a failed check writes nothing.
        var parameters = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        ModelValidator.ThrowIfInvalid(new ValidationContext(application.Model, builder.ExecutionContext, parameters));
        await error.WriteLineAsync(NotAvailableMessage).ConfigureAwait(false);
        return ExitCodes.NotAvailable;
    }
}
