namespace Servarr.Hosting;

/// <summary>How <see cref="DistributedApplication.CreateBuilder(DistributedApplicationOptions)"/> sets up a builder.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The command-line arguments.</summary>
    public string[] Args { get; init; } = [];

    /// <summary>The AppHost directory; defaults to the directory recorded in the AppHost assembly at build time.</summary>
    public string? AppHostDirectory { get; init; }

    /// <summary>The user-secrets id; defaults to the AppHost assembly's <c>UserSecretsId</c>.</summary>
    public string? UserSecretsId { get; init; }

    /// <summary>
    /// The user-secrets file, read and written even when <see cref="ReadMachineConfiguration"/> is off; defaults to the
    /// file of <see cref="UserSecretsId"/> (tests point it at a temporary file).
    /// </summary>
    public string? UserSecretsPath { get; init; }

    /// <summary>Read environment variables and user-secrets (tests turn this off for repeatable output).</summary>
    public bool ReadMachineConfiguration { get; init; } = true;

    /// <summary>Extra configuration values applied last (tests and benchmarks).</summary>
    public IDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();
}
