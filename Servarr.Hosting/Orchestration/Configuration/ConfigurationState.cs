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

    private readonly ConcurrentDictionary<string, bool> _wizards = new(StringComparer.Ordinal);

    public void Record(ConfigurationReport report) => _reports[report.Resource] = report;

    /// <summary>Marks <paramref name="resource"/> as showing a setup wizard until configured: waiting keeps it unhealthy.</summary>
    public void HasSetupWizard(string resource) => _wizards[resource] = true;

    public ConfigurationReport? Last(string resource) => _reports.TryGetValue(resource, out var report) ? report : null;

    /// <summary>
    /// The health of <paramref name="resource"/>'s configuration: healthy once the app matches the model. An item waiting
    /// for something outside the model (Plex not claimed yet) keeps the app healthy — what waits for it still starts —
    /// unless the app shows a setup wizard until configured (<see cref="ApplicationModel.SetupWizardAnnotation"/>).
    /// </summary>
    public HealthCheckResult Health(string resource) => Last(resource) switch
    {
        null => HealthCheckResult.Unhealthy("configuring: waiting for the app, then applying its configuration"),
        // The dashboard shows this description in the health checks of the app: every configured item, by name.
        { Matches: true } report => HealthCheckResult.Healthy($"as modelled: {string.Join(", ", report.Results.Select(r => r.Item))}"),
        { Succeeded: true, Waiting: true } report when report.Results.All(r => r.Outcome != ConfigurationOutcome.Differs) => _wizards.ContainsKey(resource) && !WizardDone(report)
            ? HealthCheckResult.Unhealthy($"{Waits(report)}; its setup wizard stays closed to the tunnel until then")
            : HealthCheckResult.Healthy(Waits(report)),
        { } report => HealthCheckResult.Unhealthy(string.Join("; ", report.Results
            .Where(r => r.Outcome is ConfigurationOutcome.Failed or ConfigurationOutcome.Differs).Select(r => r.ToString()))),
    };

    // The items that close the wizard are done (all items, when the app marks none).
    private static bool WizardDone(ConfigurationReport report) =>
        (report.Results.Any(r => r.EndsSetupWizard) ? report.Results.Where(r => r.EndsSetupWizard) : report.Results)
            .All(r => r.Outcome is ConfigurationOutcome.AsModelled or ConfigurationOutcome.Applied);

    private static string Waits(ConfigurationReport report) =>
        string.Join("; ", report.Results.Where(r => r.Outcome == ConfigurationOutcome.Waiting).Select(r => r.ToString()));
}

/// <summary>The "configuration" health check of one app (<see cref="ConfigurationState"/>).</summary>
internal sealed class ConfigurationHealthCheck(string resource, ConfigurationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Health(resource));
}
