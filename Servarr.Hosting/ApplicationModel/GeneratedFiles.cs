namespace Servarr.Hosting.ApplicationModel;

/// <summary>Renders a <see cref="GeneratedFileAnnotation"/>; the same text in run mode and in every published form.</summary>
public static class GeneratedFiles
{
    /// <summary>
    /// The file's text, with non-secret parameters given by <paramref name="value"/>; <paramref name="secretValue"/>
    /// gives the secrets the file derives something from (<see cref="GeneratedFileContext.Derive"/>), null when unknown.
    /// </summary>
    /// <example><code>var text = GeneratedFiles.Render(seed, model, p => values.Resolve(p).Value, p => values.Resolve(p).Value);</code></example>
    /// <exception cref="InvalidOperationException">The file would hold a secret parameter.</exception>
    public static string Render(GeneratedFileAnnotation file, DistributedApplicationModel model, Func<ParameterResource, string?> value,
        Func<ParameterResource, string?>? secretValue = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(value);
        return file.Render(new GeneratedFileContext(model, parameter => parameter.Secret
            ? throw new InvalidOperationException($"generated file {file.Target} must not hold secret parameter '{parameter.Name}'")
            : value(parameter) ?? "")
        {
            SecretValue = secretValue is null ? null : parameter => parameter.Secret && file.Uses.Contains(parameter) ? secretValue(parameter) : null,
        });
    }

    /// <summary>Whether the file derives something from a secret, so it is written readable by its owner only.</summary>
    public static bool DerivesFromSecret(GeneratedFileAnnotation file) => file?.Uses.Any(p => p.Secret) ?? throw new ArgumentNullException(nameof(file));
}
