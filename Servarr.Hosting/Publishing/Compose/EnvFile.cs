using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// The <c>.env</c> beside <c>docker-compose.yaml</c>: <c>COMPOSE_PROJECT_NAME</c>, then every parameter with a
/// comment. Non-secret values are filled in (quoted, <see cref="EnvValueFormat.Compose"/>), secrets are left empty;
/// publishing again follows <see cref="EnvFileMerge"/>'s rule.
/// </summary>
internal static class EnvFile
{
    public const string ProjectNameKey = "COMPOSE_PROJECT_NAME";

    private static readonly string[] Header =
    [
        "Values for docker-compose.yaml, written by Servarr's compose publisher; values are quoted for docker-compose.",
        "Publishing again keeps what you typed here, your comments and your own keys; a value changed in the",
        "configuration since the last publish (see \"from configuration\") replaces it, and publish prints it. Keep this file private.",
    ];

    public static string Render(DistributedApplicationModel model, ParameterValues values, string projectName, string? existing) =>
        Render(model, values, projectName, existing, []);

    public static string Render(DistributedApplicationModel model, ParameterValues values, string projectName, string? existing, ICollection<string> changes)
    {
        var entries = new List<EnvEntry> { new(ProjectNameKey, ["Project name (docker-compose 1.29 does not read a top-level `name:`)"], projectName, Secret: false) };
        foreach (var parameter in model.Parameters)
        {
            var resolved = values.Resolve(parameter);
            var comment = Describe(parameter, ComposeExpressions.IsRequired(parameter, values));
            entries.Add(new(ComposeExpressions.VariableName(parameter), [comment], parameter.Secret ? null : resolved.Value ?? "", parameter.Secret));
        }

        return EnvFileMerge.Render(EnvValueFormat.Compose, ".env", Header, entries, existing, changes);
    }

    private static string Describe(ParameterResource parameter, bool required)
    {
        var what = parameter.Description ?? $"Parameter {parameter.Name}";
        return ParameterValues.Generation(parameter) switch
        {
            // hex has no upper case: a secret that needs mixed case (Wizarr's password) gets base64, which has all three kinds
            { Upper: true, Lower: true } g => $"{what} (secret; required: fill in a random value with upper- and lower-case letters and digits, e.g. `openssl rand -base64 {g.MinLength * 3 / 4}`)",
            { } g => $"{what} (secret; required: fill in a random value, e.g. `openssl rand -hex {g.MinLength / 2}`)",
            _ when parameter.Secret => required ? $"{what} (secret; required)" : $"{what} (secret; optional)",
            _ => required ? $"{what} (required)" : what,
        };
    }
}
