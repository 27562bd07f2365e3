using System.CommandLine;
using System.Globalization;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Cli;

/// <summary><c>restore &lt;app&gt; [--snapshot ID | --at TIME]</c>: put an app's config folder back from a Kopia snapshot.</summary>
internal static class RestoreCommand
{
    public static Command Create(DistributedApplication application, TextWriter output)
    {
        var app = new Argument<string>("app") { Description = "The app whose config folder is restored, e.g. sonarr." };
        var snapshot = new Option<string?>("--snapshot") { Description = "The Kopia snapshot id to restore (default: the latest).", HelpName = "id" };
        var at = new Option<string?>("--at")
        {
            Description = "Restore the latest snapshot taken at or before this time, e.g. 2024-05-01T03:00 (local time unless it has an offset).",
            HelpName = "time",
        };
        var command = new Command("restore", "Stop the app, restore its config folder from a Kopia snapshot (the latest by default), give it back to PUID:PGID, start the app.")
        {
            app,
            snapshot,
            at,
        };
        command.SetAction((result, token) => RestoreAsync(application, result.GetValue(app)!, result.GetValue(snapshot), result.GetValue(at), output, token));
        return command;
    }

    private static async Task<int> RestoreAsync(DistributedApplication application, string app, string? snapshot, string? at, TextWriter output,
        CancellationToken cancellationToken)
    {
        if (snapshot is not null && at is not null)
        {
            throw new ServarrException("give --snapshot or --at, not both");
        }

        DateTimeOffset? time = null;
        if (at is not null)
        {
            time = DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed) ? parsed
                : throw new ServarrException($"--at '{at}' is not a date and time; write it like 2024-05-01T03:00 or 2024-05-01T03:00+02:00");
        }

        var builder = application.Builder;
        var store = builder.UserSecrets;
        var run = new RunContext(AppIdentity.AppName(builder), "restore", new ParameterValues(builder.Configuration, builder.ExecutionContext, store),
            builder.AppHostDirectory);
        var plan = RestorePlan.Create(application.Model, app, run);
        using var runtime = await DockerContainerRuntime.ConnectAsync(AppIdentity.DockerEndpoint(builder), cancellationToken).ConfigureAwait(false);
        await RestoreRunner.RunAsync(runtime, plan, snapshot, time, output, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
