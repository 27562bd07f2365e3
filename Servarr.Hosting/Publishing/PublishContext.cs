using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing;

/// <summary>What a publisher needs: the model, parameter values, and where to write.</summary>
public sealed class PublishContext
{
    /// <summary>Creates a context.</summary>
    public PublishContext(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext,
        ParameterValues parameters, string appHostDirectory, string outputPath, Microsoft.Extensions.Configuration.IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(executionContext);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        Model = model;
        ExecutionContext = executionContext;
        Parameters = parameters;
        AppHostDirectory = appHostDirectory;
        OutputPath = Path.GetFullPath(outputPath);
        Configuration = configuration;
        Output = new IO.StagedOutput(OutputPath);
    }

    /// <summary>
    /// Where a publisher writes its files: staged, and swapped into <see cref="OutputPath"/> only once the publisher has
    /// completed (by <see cref="PublishingSteps"/>), so an interrupted or failed publish changes nothing. Read existing
    /// files (the ones the user edits) from <see cref="OutputPath"/>.
    /// </summary>
    /// <example><code>await context.Output.WriteAsync(Path.Combine(context.OutputPath, ".env"), bytes, ownerOnly: true, cancellationToken);</code></example>
    public IO.StagedOutput Output { get; }

    /// <summary>The AppHost's configuration (publisher options such as section <c>Kubernetes</c>), or null.</summary>
    public Microsoft.Extensions.Configuration.IConfiguration? Configuration { get; }

    /// <summary>The model.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>Publish mode.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Resolves parameter values (only non-secret values may be written).</summary>
    public ParameterValues Parameters { get; }

    /// <summary>The AppHost directory; relative bind sources are rooted here.</summary>
    public string AppHostDirectory { get; }

    /// <summary>The absolute output path as given on the command line.</summary>
    public string OutputPath { get; }

    /// <summary>
    /// What publishing changed in a file the user edits (<c>.env</c>, <c>settings.env</c>), one line per key, printed after
    /// the publish; never a secret's value.
    /// </summary>
    /// <example><code>context.Changes.Add("TZ: 'Etc/UTC' -> 'Europe/Berlin' (changed since the last publish)");</code></example>
    public IList<string> Changes { get; } = new List<string>();
}
