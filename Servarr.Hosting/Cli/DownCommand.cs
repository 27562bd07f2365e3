using System.CommandLine;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Cli;

/// <summary><c>down</c>: stop and remove everything of the app on the engine; volumes only with <c>--volumes</c>.</summary>
internal static class DownCommand
{
    public static Command Create(DistributedApplication application, TextWriter output, TextWriter error)
    {
        var volumes = new Option<bool>("--volumes") { Description = "Also delete the app's volumes (their data is lost)." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before deleting volumes." };
        var command = new Command("down", "Stop and remove every container and network of the stack (persistent ones too). Config folders stay.")
        {
            volumes,
            yes,
        };
        command.SetAction((result, token) => DownAsync(application, result.GetValue(volumes), result.GetValue(yes), output, error, token));
        return command;
    }

    private static async Task<int> DownAsync(DistributedApplication application, bool removeVolumes, bool confirmed, TextWriter output,
        TextWriter error, CancellationToken cancellationToken)
    {
        var builder = application.Builder;
        var app = AppIdentity.AppName(builder);
        if (removeVolumes && !confirmed)
        {
            if (Console.IsInputRedirected)
            {
                throw new ServarrException("--volumes deletes the apps' data; add --yes to confirm when not on a terminal");
            }

            await output.WriteAsync($"Delete every volume of '{app}' and the data in it? [y/N] ").ConfigureAwait(false);
            if (!string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase))
            {
                await error.WriteLineAsync("nothing removed").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        }

        using var runtime = await DockerContainerRuntime.ConnectAsync(AppIdentity.DockerEndpoint(builder), cancellationToken).ConfigureAwait(false);
        var removed = await StackTeardown.DownAsync(runtime, app, removeVolumes, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"removed {removed.Containers.Count} container(s), {removed.Networks.Count} network(s), {removed.Volumes.Count} volume(s) of '{app}'")
            .ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
