namespace Servarr.Hosting.ApplicationModel;

/// <summary>Renders a <see cref="GeneratedFileAnnotation"/>; the same text in run mode and in every published form.</summary>
public static class GeneratedFiles
{
    /// <summary>The file's text, with non-secret parameters given by <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The file would hold a secret parameter.</exception>
    public static string Render(GeneratedFileAnnotation file, DistributedApplicationModel model, Func<ParameterResource, string?> value)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(value);
        return file.Render(new GeneratedFileContext(model, parameter => parameter.Secret
            ? throw new InvalidOperationException($"generated file {file.Target} must not hold secret parameter '{parameter.Name}'")
            : value(parameter) ?? ""));
    }
}
