using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Diagnostics;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// <c>aspire do doctor</c>: the stack's exposure report (host ports, public hostnames, Docker socket users, privileges,
/// writable mounts, zones, who calls whom), the model's problems, and the parameters that still have no value with what
/// waits for them. Secret values are never shown.
/// </summary>
internal static class DoctorStep
{
    public const string Name = "doctor";

    public static void Register(IDistributedApplicationBuilder builder)
    {
        builder.Pipeline.AddStep(new PipelineStep
        {
            Name = Name,
            Description = "Prints the Servarr stack's exposure report, its problems and the parameters that still need a value.",
            Action = step =>
            {
                var lines = Render(step.Model, step.Services.GetRequiredService<IConfiguration>(), out var problems, builder.AppHostDirectory);
                foreach (var line in lines)
                {
                    step.Logger.LogInformation("{Line}", line);
                }

                if (problems > 0)
                {
                    Environment.ExitCode = 1;
                    throw new ServarrException($"doctor found {problems} problem(s); see above");
                }

                return Task.CompletedTask;
            },
        });
    }

    /// <summary>
    /// The report's lines; <paramref name="problems"/> counts the model's problems and those of the compose and Kubernetes
    /// objects as the publishers would write them, after the escape hatches (<c>PublishAsComposeService</c>, <c>PublishAsKubernetes</c>).
    /// </summary>
    public static IReadOnlyList<string> Render(DistributedApplicationModel model, IConfiguration configuration, out int problems,
        string? appHostDirectory = null)
    {
        // The exposure of the real host: folders as published, not the development folders `dotnet run` falls back to.
        var published = new ParameterValues(configuration, ServarrExecution.Publish);
        var lines = ExposureReport.Render(model, p => p.Secret ? null : published.Resolve(p).Value)
            .Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var found = ModelValidator.Validate(new ValidationContext(model, ServarrExecution.Publish, published)).ToList();
        var hatches = PublishedObjects.EscapeHatches(model);
        if (hatches.Count > 0)
        {
            lines.Add("");
            lines.Add("Escape hatches (what the published files hold beyond the model; checked like the model, see Problems)");
            lines.AddRange(hatches.Select(h => $"  {h}"));
        }

        found.AddRange(PublishedObjects.Problems(model, published, configuration, appHostDirectory ?? Directory.GetCurrentDirectory())
            .Where(p => !found.Contains(p)));
        lines.Add("");
        lines.Add(found.Count == 0 ? "Problems: none" : $"Problems ({found.Count}):");
        lines.AddRange(found.Select(p => $"  {p}"));
        var missing = model.Parameters.Where(p => published.Resolve(p).Source == ParameterValueSource.Missing && !ParameterValues.IsGenerated(p))
            .Select(p => (Parameter: p, Users: model.Containers.Where(c => c.GetUsedParameters().Contains(p)).Select(c => c.Name).ToList()))
            .Where(x => x.Users.Count > 0).ToList();
        if (missing.Count > 0)
        {
            lines.Add($"Parameters without a value ({missing.Count}; set them in the dashboard or with `dotnet user-secrets set Parameters:<name> <value> --project Servarr.AppHost`):");
            lines.AddRange(missing.Select(m => $"  {m.Parameter.Name} — {string.Join(", ", m.Users)}"));
        }

        problems = found.Count;
        return lines;
    }
}
