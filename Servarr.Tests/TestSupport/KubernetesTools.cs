namespace Servarr.Tests.TestSupport;

/// <summary>
/// A test that needs the Kubernetes tools: node with the validator's npm packages, and kubectl with its built-in
/// kustomize. Skipped on a developer machine without them; never skipped when CI is set, so a CI machine without
/// them fails (through <see cref="KubernetesTools.Require"/>) instead of passing silently.
/// </summary>
public sealed class KubernetesToolsFactAttribute : FactAttribute
{
    public KubernetesToolsFactAttribute()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            return;
        }

        if (!KubernetesTools.IsAvailable)
        {
            Skip = $"Kubernetes test tools not available: {KubernetesTools.Missing} (set CI=true to make this a failure; "
                + "bash .ci/run installs kubectl and runs npm ci for the validator).";
        }
    }
}

/// <summary>
/// Runs the Kubernetes manifest validator (Servarr.Tests/TestSupport/KubernetesValidation/validate.mjs, which
/// checks every object against the kubernetes-models and @kubernetes-models/traefik schemas) and
/// <c>kubectl kustomize</c>, for the tests of the Kubernetes publisher.
/// </summary>
internal static class KubernetesTools
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    // null when everything is there, else what is missing.
    private static readonly Lazy<string?> s_missing = new(FindMissing);

    /// <summary>The folder of the validator script, its package.json and (once npm ci ran) node_modules.</summary>
    public static string ValidatorDirectory => Path.Combine(RepositoryPaths.Tests, "TestSupport", "KubernetesValidation");

    public static string ValidatorScript => Path.Combine(ValidatorDirectory, "validate.mjs");

    public static bool IsAvailable => s_missing.Value is null;

    /// <summary>What is missing, for a skip or failure message; null when <see cref="IsAvailable"/>.</summary>
    public static string? Missing => s_missing.Value;

    /// <summary>Fails the test when a tool is missing (the fact attribute has already skipped it unless CI is set).</summary>
    public static void Require() =>
        Assert.True(IsAvailable,
            $"Kubernetes test tools are not available: {Missing}. Run bash .ci/run (it installs kubectl and runs npm ci in {ValidatorDirectory}).");

    /// <summary>
    /// Validates every Kubernetes object in the YAML files under <paramref name="path"/> (a folder, searched
    /// recursively, or one file). Exit code 0 when all are valid, 1 when any is not; the output has one line per
    /// object (<c>ok FILE KIND/NAME</c> or <c>error FILE KIND/NAME: MESSAGE</c>) and one per skipped file.
    /// </summary>
    public static (int ExitCode, string Output) Validate(string path)
    {
        var result = DockerEngine.Run("node", [ValidatorScript, path], s_timeout, ValidatorDirectory);
        var output = string.IsNullOrEmpty(result.StandardError)
            ? result.StandardOutput
            : $"{result.StandardOutput}{result.StandardError}";
        return (result.ExitCode, output);
    }

    /// <summary>Asserts that every object under <paramref name="path"/> is valid, with the validator's report as the message.</summary>
    public static void AssertValid(string path)
    {
        var (exitCode, output) = Validate(path);
        Assert.True(exitCode == 0, $"validate.mjs {path} exited {exitCode}:\n{output}");
    }

    /// <summary>Runs <c>kubectl kustomize DIRECTORY</c>: the built objects on standard output.</summary>
    public static (int ExitCode, string StandardOutput, string StandardError) Kustomize(string directory)
    {
        var result = DockerEngine.Run("kubectl", ["kustomize", directory], s_timeout);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private static string? FindMissing()
    {
        var missing = new List<string>();
        if (DockerEngine.Run("node", ["--version"], TimeSpan.FromSeconds(10)).ExitCode != 0)
        {
            missing.Add("node");
        }

        string[] packages = ["kubernetes-models", "@kubernetes-models/traefik", "yaml"];
        if (!packages.All(p => File.Exists(Path.Combine(ValidatorDirectory, "node_modules", p, "package.json"))))
        {
            missing.Add($"npm packages in {ValidatorDirectory}/node_modules (run npm ci there)");
        }

        if (DockerEngine.Run("kubectl", ["kustomize", "--help"], TimeSpan.FromSeconds(10)).ExitCode != 0)
        {
            missing.Add("kubectl with kustomize");
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }
}
