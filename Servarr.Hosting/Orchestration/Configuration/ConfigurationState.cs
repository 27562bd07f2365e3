using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Servarr.Hosting.Configuration;

namespace Servarr.Hosting.Orchestration.Configuration;

/// <summary>
/// Run state of the apps' configuration: the last report of each app, which its "configuration" health check reads.
/// Before the first pass the check is unhealthy ("configuring"), so what waits for the app waits for its configuration too.
/// </summary>
internal sealed class ConfigurationState
{
    private readonly ConcurrentDictionary<string, ConfigurationReport> _reports = new(StringComparer.Ordinal);

    public void Record(ConfigurationReport report) => _reports[report.Resource] = report;

    public ConfigurationReport? Last(string resource) => _reports.TryGetValue(resource, out var report) ? report : null;

    /// <summary>The health of <paramref name="resource"/>'s configuration: healthy once the app matches the model.</summary>
    public HealthCheckResult Health(string resource) => Last(resource) switch
    {
        null => HealthCheckResult.Unhealthy("configuring: waiting for the app, then applying its configuration"),
        // The dashboard shows this description in the health checks of the app: every configured item, by name.
        { Matches: true } report => HealthCheckResult.Healthy($"as modelled: {string.Join(", ", report.Results.Select(r => r.Item))}"),
        { } report => HealthCheckResult.Unhealthy(string.Join("; ", report.Results
            .Where(r => r.Outcome is ConfigurationOutcome.Failed or ConfigurationOutcome.Differs).Select(r => r.ToString()))),
    };
}

/// <summary>The "configuration" health check of one app (<see cref="ConfigurationState"/>).</summary>
internal sealed class ConfigurationHealthCheck(string resource, ConfigurationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Health(resource));
}
