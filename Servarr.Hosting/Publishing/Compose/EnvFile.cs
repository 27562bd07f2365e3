using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// The <c>.env</c> beside <c>docker-compose.yaml</c>: <c>COMPOSE_PROJECT_NAME</c>, then every parameter with a
/// comment. Non-secret defaults are filled in, secrets are left empty, and any value the user already filled in is
/// kept, as are keys Servarr does not know.
/// </summary>
internal static class EnvFile
{
    public const string ProjectNameKey = "COMPOSE_PROJECT_NAME";

    public static string Render(DistributedApplicationModel model, ParameterValues values, string projectName, string? existing)
    {
        var kept = Parse(existing);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("# Values for docker-compose.yaml, written by `publish --publisher compose`.\n");
        text.Append("# Publishing again keeps every value filled in here. Keep this file private (mode 0600).\n\n");
        text.Append("# Project name (docker-compose 1.29 does not read a top-level `name:`)\n");
        Line(text, written, ProjectNameKey, Keep(kept, ProjectNameKey) ?? projectName);
        foreach (var parameter in model.Parameters)
        {
            var key = ComposeExpressions.VariableName(parameter);
            var resolved = values.Resolve(parameter);
            text.Append('\n').Append("# ").Append(Describe(parameter, ComposeExpressions.IsRequired(parameter, values))).Append('\n');
            var fallback = parameter.Secret ? "" : resolved.Value ?? "";
            Line(text, written, key, Keep(kept, key) ?? fallback);
        }

        var extra = kept.Where(k => !written.Contains(k.Key)).ToList();
        if (extra.Count > 0)
        {
            text.Append("\n# Kept from the previous .env (not used by the stack)\n");
            extra.ForEach(e => Line(text, written, e.Key, e.Value));
        }

        return text.ToString();
    }

    private static string Describe(ParameterResource parameter, bool required)
    {
        var what = parameter.Description ?? $"Parameter {parameter.Name}";
        return ParameterValues.Generation(parameter) switch
        {
            { } g => $"{what} (secret; required: fill in a random value, e.g. `openssl rand -hex {g.MinLength / 2}`)",
            _ when parameter.Secret => required ? $"{what} (secret; required)" : $"{what} (secret; optional)",
            _ => required ? $"{what} (required)" : what,
        };
    }

    private static string? Keep(Dictionary<string, string> kept, string key) =>
        kept.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static void Line(StringBuilder text, HashSet<string> written, string key, string value)
    {
        written.Add(key);
        text.Append(key).Append('=').Append(value).Append('\n');
    }

    /// <summary>Reads <c>KEY=value</c> lines in order; comments and blank lines are skipped.</summary>
    internal static Dictionary<string, string> Parse(string? content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (content ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var equals = line.IndexOf('=');
            if (line.TrimStart().StartsWith('#') || equals <= 0)
            {
                continue;
            }

            values[line[..equals].Trim()] = line[(equals + 1)..];
        }

        return values;
    }
}
