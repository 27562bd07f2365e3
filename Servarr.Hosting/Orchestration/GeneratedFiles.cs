using System.Text;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Writes the files Servarr generates from the model (<see cref="GeneratedFileAnnotation"/>, e.g. cloudflared's
/// <c>config.yml</c>) right before their container starts, with the values known then (also ones given while the stack
/// runs), so a container never sees a stale one. Each is replaced atomically.
/// </summary>
public static class GeneratedFiles
{
    /// <summary>Renders the text of <paramref name="file"/> with non-secret parameter values from <paramref name="value"/>.</summary>
    public static string Render(GeneratedFileAnnotation file, DistributedApplicationModel model, Func<ParameterResource, string?> value)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(value);
        return file.Render(new GeneratedFileContext(model, parameter => parameter.Secret
            ? throw new InvalidOperationException($"generated file {file.Target} must not hold secret parameter '{parameter.Name}'")
            : value(parameter) ?? ""));
    }

    /// <summary>Writes every generated file of <paramref name="model"/> to its host path; returns the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(DistributedApplicationModel model, RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        var written = new List<string>();
        foreach (var container in model.Containers)
        {
            written.AddRange(await WriteAsync(model, run, container, cancellationToken).ConfigureAwait(false));
        }

        return written;
    }

    /// <summary>
    /// Writes the generated files of <paramref name="container"/> alone: the orchestrator calls it right before the
    /// container starts, so values given while the stack runs (a parameter it waited for) are in them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(DistributedApplicationModel model, RunContext run, ContainerResource container,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(container);
        var written = new List<string>();
        foreach (var file in container.Annotations.OfType<GeneratedFileAnnotation>())
        {
            var path = run.HostPath(file.HostPath);
            var text = Render(file, model, p => run.Parameters.Resolve(p).Value);
            await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(text), ownerOnly: false, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }
}
