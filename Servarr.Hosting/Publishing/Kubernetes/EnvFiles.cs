using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// The env files kustomize's generators read: one <c>KEY=value</c> per parameter (<see cref="EnvValueFormat.Kustomize"/>).
/// Publishing again keeps what the user typed, their comments and extra keys; a configuration value changed since the
/// last publish replaces the file's and is reported in <c>changes</c>.
/// </summary>
public static class EnvFiles
{
    /// <summary>
    /// Renders the file for <paramref name="parameters"/> (<paramref name="value"/> null: left for the user to fill);
    /// <paramref name="existing"/> is the file already there.
    /// </summary>
    /// <example><code>EnvFiles.Render("settings.env", settings, p => values.Resolve(p).Value, File.ReadAllText("settings.env"), "Non-secret values", changes);</code></example>
    public static string Render(string fileName, IEnumerable<ParameterResource> parameters, Func<ParameterResource, string?> value, string? existing, string header, ICollection<string> changes)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(changes);
        var entries = parameters.Select(p => new EnvEntry(KubernetesEnvironment.Key(p), p.Description is { Length: > 0 } d ? [d] : [], value(p), p.Secret)).ToList();
        return EnvFileMerge.Render(EnvValueFormat.Kustomize, fileName, [header], entries, existing, changes);
    }
}
