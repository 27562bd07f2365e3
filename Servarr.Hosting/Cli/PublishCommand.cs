using System.CommandLine;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Manifest;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Cli;

/// <summary><c>publish --publisher manifest|compose|kubernetes --output-path &lt;path&gt;</c>: validates, then writes the files.</summary>
internal static class PublishCommand
{
    public static Command Create(DistributedApplication application, TextWriter output)
    {
        var publisher = CliOptions.Publisher();
        publisher.Required = true;
        var outputPath = CliOptions.OutputPath();
        var command = new Command("publish", "Write deployment files from the model: an Aspire manifest (for aspirate) or docker compose.");
        command.Options.Add(publisher);
        command.Options.Add(outputPath);
        var withDashboard = WithDashboardOption();
        command.Options.Add(withDashboard);
        command.SetAction((result, token) => PublishAsync(application, result.GetValue(publisher)!, result.GetValue(outputPath), output, token,
            result.GetValue(withDashboard)));
        return command;
    }

    public static Option<bool> WithDashboardOption() => new("--with-dashboard")
    {
        Description = "compose: add the Aspire dashboard for telemetry (OTLP) on the server; resources and console logs need dotnet run.",
    };

    public static async Task<int> PublishAsync(DistributedApplication application, string publisherNames, string? outputPath,
        TextWriter output, CancellationToken cancellationToken, bool withDashboard = false)
    {
        var builder = application.Builder;
        if (!builder.ExecutionContext.IsPublishMode)
        {
            throw new ServarrException("internal: publish requested in run mode");
        }

        var parameters = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        ModelValidator.ThrowIfInvalid(new ValidationContext(application.Model, builder.ExecutionContext, parameters, publisherNames));
        var publishers = PublisherCatalog.SplitNames(publisherNames).Select(n => PublisherCatalog.Find(n)!).ToList();
        if (publishers.Count == 0)
        {
            throw new ServarrException($"--publisher is empty; use --publisher {string.Join(" or --publisher ", PublisherCatalog.Names)}");
        }

        var paths = publishers.ToDictionary(p => p, p => OutputPathFor(p, outputPath, several: publishers.Count > 1));
        foreach (var (publisher, path) in paths)
        {
            CheckOutputPath(publisher, path);
        }

        foreach (var (publisher, path) in paths)
        {
            var model = withDashboard && publisher is ComposePublisher
                ? new DistributedApplicationModel([.. application.Model.Resources, .. DashboardContainer.ForCompose()])
                : application.Model;
            var context = new PublishContext(model, builder.ExecutionContext, parameters, builder.AppHostDirectory, path, builder.Configuration);
            foreach (var file in await publisher.PublishAsync(context, cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync($"Published {publisher.Name} to {file}").ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Refuses, before anything is written, an output path that is a file where a folder is needed, or the reverse.</summary>
    private static void CheckOutputPath(IPublisher publisher, string path)
    {
        var target = publisher is ManifestPublisher ? ManifestPublisher.ResolveFilePath(path) : path;
        if (publisher is ManifestPublisher && Directory.Exists(target))
        {
            throw new ServarrException($"--output-path {path}: {target} is a folder; pass a .json file name or the folder to write aspire-manifest.json into");
        }

        if (publisher is not ManifestPublisher && File.Exists(target))
        {
            throw new ServarrException($"--output-path {path} is a file, but the {publisher.Name} publisher writes a folder; pass a directory such as deploy/compose");
        }
    }

    /// <summary>
    /// One publisher: the path as given, or its default. Several: the path is a directory (default <c>deploy</c>)
    /// that receives every format's files.
    /// </summary>
    private static string OutputPathFor(IPublisher publisher, string? outputPath, bool several) => (outputPath, several) switch
    {
        (null, true) => "deploy",
        (null, false) => publisher is ComposePublisher ? Path.Combine("deploy", "compose") : "aspire-manifest.json",
        (_, true) when outputPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) =>
            throw new ServarrException($"--output-path {outputPath} names a file, but several publishers need a directory; pass a folder such as deploy"),
        _ => outputPath,
    };
}
