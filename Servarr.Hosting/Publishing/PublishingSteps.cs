using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Publishing;

/// <summary>
/// Servarr's publishers as steps of Aspire's publishing pipeline. <c>aspire publish</c> (or <c>dotnet run -- --operation
/// publish --step publish</c>) writes the compose deployment; <c>aspire do publish-kubernetes</c> and <c>aspire do
/// publish-cloudflare</c> write the others. Each writes into the pipeline's output folder (<c>--output-path</c>).
/// </summary>
public static class PublishingSteps
{
    /// <summary>The step name of a publisher: <c>publish-compose</c>, <c>publish-kubernetes</c>, <c>publish-cloudflare</c>.</summary>
    public static string StepName(string publisher) => $"publish-{publisher}";

    /// <summary>Adds one step per publisher of <see cref="PublisherCatalog"/>; compose is part of <c>publish</c>.</summary>
    public static void Register(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var name in PublisherCatalog.Names)
        {
            builder.Pipeline.AddStep(new PipelineStep
            {
                Name = StepName(name),
                Description = $"Writes the {name} deployment of the Servarr stack.",
                DependsOnSteps = [WellKnownPipelineSteps.PublishPrereq],
                RequiredBySteps = name == "compose" ? [WellKnownPipelineSteps.Publish] : [],
                Action = async context =>
                {
                    try
                    {
                        await RunAsync(builder, name, context).ConfigureAwait(false);
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
    }

    private static async Task RunAsync(IDistributedApplicationBuilder builder, string name, PipelineStepContext step)
    {
        var configuration = step.Services.GetRequiredService<IConfiguration>();
        var execution = step.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        var values = new ParameterValues(configuration, execution);
        ModelValidator.ThrowIfInvalid(new ValidationContext(step.Model, execution, values, name));
        var output = step.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        var context = new PublishContext(step.Model, execution, values, builder.AppHostDirectory, output, configuration);
        var publisher = PublisherCatalog.Find(name)!;
        var written = await publisher.PublishAsync(context, step.CancellationToken).ConfigureAwait(false);
        foreach (var file in written)
        {
            step.Logger.LogInformation("wrote {File}", file);
        }

        foreach (var change in context.Changes)
        {
            step.Logger.LogWarning("{Publisher}: {Change}", name, change);
        }

        step.Summary.Add(name, output);
    }
}
