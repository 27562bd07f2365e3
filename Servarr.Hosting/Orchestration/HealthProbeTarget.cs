namespace Servarr.Hosting.Orchestration;

/// <summary>
/// What the AppHost probes to decide a container's health in run mode: an HTTP URL that must answer
/// <paramref name="StatusCode"/>, or (<paramref name="StatusCode"/> null) a <c>tcp://host:port</c> that must accept a connection.
/// </summary>
/// <param name="Address">The URL, or <c>tcp://127.0.0.1:port</c>.</param>
/// <param name="StatusCode">The expected HTTP status; null for a TCP check.</param>
public sealed record HealthProbeTarget(Uri Address, int? StatusCode);
