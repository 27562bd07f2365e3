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
        PublishInterrupt.Register(builder, OutputDirectory);
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
                    catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
                    {
                        // Ctrl+C or SIGTERM: nothing of this step was swapped in; PublishInterrupt prints the one line when the
                        // host has stopped. Not rethrown: Aspire would log the cancellation as a failed step with its trace.
                        Environment.ExitCode = InterruptedExitCode;
                        if (context.Services.GetService<PublishInterrupt>() is not { Happened: true })
                        {
                            Console.Error.WriteLine(Interrupted(StepName(name), OutputDirectory(context.Services)));
                        }
                    }
                    catch (Exception exception)
                    {
                        // Aspire reports a failed step through the exit code only when run by the aspire CLI; `dotnet run` exits 0.
                        Environment.ExitCode = 1;
                        if (ServarrRunExtensions.Known(exception) is { } known)
                        {
                            context.Services.GetService<PublishInterrupt>()?.Failed(known.Message); // one line, no trace
                        }

                        throw;
                    }
                },
            });
        }
    }

    /// <summary>The exit code of an interrupted publish (128 + SIGINT, as shells report Ctrl+C).</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>The one line an interrupted publishing step prints.</summary>
    /// <example><code>PublishingSteps.Interrupted("publish-compose", "/srv/deploy") // "publish-compose interrupted; nothing was changed in /srv/deploy"</code></example>
    public static string Interrupted(string step, string directory) => $"{step} interrupted; nothing was changed in {directory}";

    /// <summary>
    /// Runs <paramref name="publisher"/> and swaps its staged files into the output folder only once it has completed and
    /// <paramref name="cancellationToken"/> has not fired: all of its files or none of them.
    /// </summary>
    /// <example><code>await PublishingSteps.PublishAsync(new ComposePublisher(), context, cancellationToken);</code></example>
    public static async Task<IReadOnlyList<string>> PublishAsync(IPublisher publisher, PublishContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var written = await publisher.PublishAsync(context, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            context.Output.Commit(); // renames only: not interrupted half-way by the token
            return written;
        }
        finally
        {
            context.Output.Dispose();
        }
    }

    /// <summary>Test hook (configuration <c>Servarr:Testing:PublishFileDelayMs</c>): a pause after each staged file, so a test can interrupt a real publish.</summary>
    internal const string FileDelayKey = "Servarr:Testing:PublishFileDelayMs";

    private static string OutputDirectory(IServiceProvider services)
    {
        var raw = services.GetRequiredService<IConfiguration>()[OutputPathKey];
        return raw is null ? services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory()
            : string.IsNullOrWhiteSpace(raw) ? "the output folder" : Path.GetFullPath(raw);
    }

    private const string OutputPathKey = "Pipeline:OutputPath";

    private static async Task RunAsync(IDistributedApplicationBuilder builder, string name, PipelineStepContext step)
    {
        var configuration = step.Services.GetRequiredService<IConfiguration>();
        var execution = step.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        var values = new ParameterValues(configuration, execution);
        ModelValidator.ThrowIfInvalid(new ValidationContext(step.Model, execution, values, name));
        var output = OutputFolder(configuration, name) ?? step.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        var context = new PublishContext(step.Model, execution, values, builder.AppHostDirectory, output, configuration);
        if (int.TryParse(configuration[FileDelayKey], out var delay) && delay > 0)
        {
            context.Output.AfterEachFile = (_, cancellationToken) => Task.Delay(delay, cancellationToken);
        }

        var written = await PublishAsync(PublisherCatalog.Find(name)!, context, step.CancellationToken).ConfigureAwait(false);
        step.Services.GetService<PublishInterrupt>()?.Completed(StepName(name));
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

    // --output-path as given: refused when empty or a file (Aspire's own default folder when not given at all).
    private static string? OutputFolder(IConfiguration configuration, string name)
    {
        var raw = configuration[OutputPathKey];
        if (raw is null)
        {
            return null;
        }

        var example = name == "kubernetes" ? "deploy/k8s" : $"deploy/{name}";
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new ServarrException($"--output-path is empty; give the folder to write the {name} files into, e.g. --output-path {example}");
        }

        var full = Path.GetFullPath(raw);
        return File.Exists(full)
            ? throw new ServarrException($"--output-path '{full}' is a file; give a folder to write the {name} files into, e.g. --output-path {example}")
            : full;
    }
}
