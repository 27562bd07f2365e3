namespace Servarr.Hosting.Orchestration;

/// <summary>What the engine says about a container now.</summary>
/// <param name="Status">created, running, restarting, exited, dead...</param>
/// <param name="Health">healthy, unhealthy, starting, or null without a health check.</param>
/// <param name="ExitCode">The last exit code.</param>
/// <param name="RestartCount">How often the engine restarted it.</param>
/// <param name="Error">The engine's error, e.g. why it could not start.</param>
public sealed record ContainerStatus(string Status, string? Health, long ExitCode, long RestartCount, string? Error);
