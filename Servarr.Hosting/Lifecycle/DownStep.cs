using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// <c>aspire do down</c> (or <c>dotnet run -- --operation publish --step down</c>): stops and removes every container and
/// network this AppHost left on the Docker engine — persistent containers, session containers left by a crash, the VPN
/// apps, Aspire's persistent network and the session networks they were on — found by the <c>servarr.app</c> label
/// (<see cref="TeardownPlan"/>). Its volumes only with <c>--down-volumes true</c>; config folders are never touched.
/// </summary>
internal static class DownStep
{
    public const string Name = "down";

    /// <summary>The configuration key that opts in to deleting the app's volumes: <c>--down-volumes true</c>.</summary>
    public const string VolumesKey = "down-volumes";

    public static void Register(IDistributedApplicationBuilder builder)
    {
        builder.Pipeline.AddStep(new PipelineStep
        {
            Name = Name,
            Description = "Stops and removes the Servarr stack's containers and networks on the Docker engine (volumes with --down-volumes true).",
            Action = async step =>
            {
                try
                {
                    await RunAsync(builder, step).ConfigureAwait(false);
                }
                catch
                {
                    // Aspire reports a failed step through the exit code only when run by the aspire CLI; `dotnet run` exits 0.
                    Environment.ExitCode = 1;
                    throw;
                }
            },
        });
    }

    private static async Task RunAsync(IDistributedApplicationBuilder builder, PipelineStepContext step)
    {
        var configuration = step.Services.GetRequiredService<IConfiguration>();
        var applicationName = step.Services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var removeVolumes = RemoveVolumes(configuration);
        var scope = TeardownScope.For(step.Model, applicationName, AppIdentity.PathHash(configuration, builder.AppHostDirectory));
        using var engine = DockerEngine.FromEnvironment();
        var result = await StackTeardown.DownAsync(engine, scope, removeVolumes, line => step.Logger.LogInformation("{Line}", line), step.CancellationToken)
            .ConfigureAwait(false);
        foreach (var line in Lines(result))
        {
            step.Logger.LogInformation("{Line}", line);
        }

        step.Summary.Add(Name, result.Summary);
        if (result.Errors.Count > 0)
        {
            throw new ServarrException($"down could not remove {result.Errors.Count} thing(s) of '{result.Application}'; see above");
        }
    }

    /// <summary>Whether <c>--down-volumes</c> is set to true; any other value than true or false is refused.</summary>
    public static bool RemoveVolumes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[VolumesKey];
        return string.IsNullOrWhiteSpace(value) ? false
            : bool.TryParse(value.Trim(), out var remove) ? remove
            : throw new ServarrException($"--{VolumesKey} '{value}' is not true or false; use --{VolumesKey} true to delete the app's volumes");
    }

    /// <summary>The closing lines: what was kept and why, then the summary.</summary>
    public static IReadOnlyList<string> Lines(StackTeardown.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        if (result.KeptVolumes.Count > 0)
        {
            lines.Add($"kept {result.KeptVolumes.Count} volume(s) of '{result.Application}': {string.Join(", ", result.KeptVolumes)} (add --{VolumesKey} true to delete them and their data)");
        }

        if (result.UnlabelledVolumes.Count > 0)
        {
            lines.Add($"kept volume(s) {string.Join(", ", result.UnlabelledVolumes)}: not labelled servarr.app={result.Application} (another AppHost's, or created before Servarr labelled volumes); remove one with `docker volume rm <name>` if it is this app's");
        }

        if (result.AbandonedNetworks.Count > 0)
        {
            lines.Add($"left network(s) {string.Join(", ", result.AbandonedNetworks)}: empty Aspire session networks of an AppHost with this name, maybe one in another folder; if no such AppHost runs, remove them with `docker network rm <name>`");
        }

        lines.Add("config folders on the host are never touched");
        lines.Add(result.Summary);
        return lines;
    }
}
