using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// <c>aspire do configure</c> and <c>aspire do drift</c> (or <c>dotnet run -- --operation publish --step configure</c>):
/// the apps' configuration (<see cref="AppConfigurationAnnotation"/>) for a stack started from the published compose
/// file on this machine, reached at their admin ports on <c>127.0.0.1</c> (<c>WithLoopbackPort</c>). <c>configure</c>
/// applies what differs, <c>drift</c> only lists it. Parameter values (API keys, passwords) come from the same
/// configuration the publish read: user secrets, appsettings.json, the environment. An app that cannot be reached or
/// refuses is reported and the others still run; the step fails (exit code 1) when any item failed.
/// </summary>
internal static class ConfigureStep
{
    public const string ApplyName = "configure";
    public const string CheckName = "drift";

    /// <summary>The configuration key of the host the admin ports are on: <c>--configure-host 127.0.0.1</c>.</summary>
    public const string HostKey = "configure-host";

    public static void Register(IDistributedApplicationBuilder builder)
    {
        foreach (var (name, mode, description) in new[]
        {
            (ApplyName, ConfigurationMode.Apply, "Applies the model's configuration to the apps of a compose stack running on this machine (admin ports on 127.0.0.1)."),
            (CheckName, ConfigurationMode.Check, "Lists where the apps of a compose stack running on this machine differ from the model's configuration, changing nothing."),
        })
        {
            builder.Pipeline.AddStep(new PipelineStep
            {
                Name = name,
                Description = description,
                Action = async step =>
                {
                    var configuration = step.Services.GetRequiredService<IConfiguration>();
                    var values = new ParameterValues(configuration, step.Services.GetRequiredService<DistributedApplicationExecutionContext>());
                    var reports = await RunAsync(step.Model, configuration[HostKey] ?? "127.0.0.1", p => values.Resolve(p).Value, mode,
                        line => step.Logger.LogInformation("{Line}", line), builder.AppHostDirectory, step.CancellationToken).ConfigureAwait(false);
                    step.Summary.Add(name, Summary(reports, mode));
                    if (reports.Any(r => !r.Succeeded))
                    {
                        Environment.ExitCode = 1;
                        var failed = $"{name}: {string.Join("; ", reports.SelectMany(r => r.Results.Where(x => x.Outcome == ConfigurationOutcome.Failed).Select(x => $"{r.Resource}: {x}")))}";
                        step.Services.GetService<Publishing.PublishInterrupt>()?.Failed(failed); // one line, no trace
                        throw new ServarrException(failed);
                    }
                },
            });
        }
    }

    /// <summary>One pass over every configured app of <paramref name="model"/>, each at <c>http://&lt;host&gt;:&lt;its loopback port&gt;</c>.</summary>
    /// <example><code>await ConfigureStep.RunAsync(model, "127.0.0.1", values, ConfigurationMode.Check, Console.WriteLine, appHostDirectory, ct); // sonarr: root folder '/data/media/tv': differs (missing)</code></example>
    public static async Task<IReadOnlyList<ConfigurationReport>> RunAsync(DistributedApplicationModel model, string host, Func<ParameterResource, string?> value,
        ConfigurationMode mode, Action<string> log, string? appHostDirectory, CancellationToken cancellationToken)
    {
        var reports = new List<ConfigurationReport>();
        foreach (var app in model.Containers.Where(c => c.Annotations.OfType<AppConfigurationAnnotation>().Any()))
        {
            // The admin port on 127.0.0.1, or a port the app publishes on every interface (Plex's 32400).
            var hostPort = app.Annotations.OfType<LoopbackPortAnnotation>().FirstOrDefault(l => l.EndpointName == "http")?.HostPort
                ?? (app.Annotations.OfType<HostPortAnnotation>().Any() ? app.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == "http")?.Port : null);
            if (hostPort is not { } port)
            {
                log($"{app.Name}: skipped (no admin port on 127.0.0.1; add .WithLoopbackPort())");
                continue;
            }

            var pass = await AppConfigurator.RunAppAsync(app, model, new Uri($"http://{host}:{port}/"), (p, _) => ValueTask.FromResult(value(p)),
                mode, c => appHostDirectory is null ? null : RunExpressions.ConfigFolder(c, value, appHostDirectory), cancellationToken).ConfigureAwait(false);
            var report = pass.Report;
            foreach (var result in report.Results)
            {
                log($"{app.Name}: {result}");
            }

            log(FormattableString.Invariant($"{app.Name}: {pass.Calls}, {pass.Elapsed.TotalMilliseconds:0} ms"));

            reports.Add(report);
        }

        return reports;
    }

    private static string Summary(IReadOnlyList<ConfigurationReport> reports, ConfigurationMode mode)
    {
        var results = reports.SelectMany(r => r.Results).ToList();
        int Count(ConfigurationOutcome outcome) => results.Count(r => r.Outcome == outcome);
        return mode == ConfigurationMode.Apply
            ? $"{results.Count} item(s): {Count(ConfigurationOutcome.Applied)} applied, {Count(ConfigurationOutcome.AsModelled)} as modelled, {Count(ConfigurationOutcome.Failed)} failed{Waiting()}"
            : $"{results.Count} item(s): {Count(ConfigurationOutcome.Differs)} differ, {Count(ConfigurationOutcome.AsModelled)} as modelled, {Count(ConfigurationOutcome.Failed)} failed{Waiting()}";
        string Waiting() => Count(ConfigurationOutcome.Waiting) is > 0 and var n ? $", {n} waiting (run configure again once it is there)" : "";
    }
}
