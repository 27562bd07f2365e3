using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>The env files kustomize's generators read: one <c>KEY=value</c> per parameter; a value the user set is kept.</summary>
public static class EnvFiles
{
    /// <summary>Renders the file for <paramref name="parameters"/>; <paramref name="existing"/> is the file already there.</summary>
    public static string Render(IEnumerable<ParameterResource> parameters, Func<ParameterResource, string> value, string? existing, string header)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(value);
        var kept = (existing ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .Where(l => l.Value.Length > 0)
            .GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var text = new StringBuilder(header).Append('\n');
        foreach (var parameter in parameters)
        {
            var key = KubernetesEnvironment.Key(parameter);
            var line = kept.TryGetValue(key, out var user) ? user : value(parameter);
            if (parameter.Description is { Length: > 0 } description)
            {
                text.Append("# ").Append(description).Append('\n');
            }

            text.Append(key).Append('=').Append(line.ReplaceLineEndings(" ")).Append('\n');
        }

        return text.ToString();
    }
}
