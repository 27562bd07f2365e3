using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Servarr.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;

namespace Servarr.Hosting.Orchestration.Configuration;

/// <summary>
/// Run mode: every app with an <see cref="AppConfigurationAnnotation"/> gets a "configuration" health check and two
/// dashboard commands ("Apply configuration", "Check configuration drift"). Once the app's own health check passes, its
/// items are compared and what differs is applied (state <c>Configuring</c>); the report becomes the app's properties
/// (one per item), its console log lines and its health — healthy when the app matches the model, else unhealthy with
/// the app's error. Items that fail are retried a few times (an app answers /ping a moment before its API is ready), then
/// every 30 s, like items that wait for something outside the model (Plex's token); a failure never stops the rest of
/// the stack. What waits for the app (<c>WaitFor</c>, the tunnel) waits for this too.
/// </summary>
internal sealed class ConfigurationLifecycle(ServarrBuilderHandle handle) : IDistributedApplicationEventingSubscriber
{
    /// <summary>The key of an app's configuration health check.</summary>
    public static string HealthCheckKey(IResource resource) => $"servarr-{resource.Name}-configuration";

    /// <summary>Test hook: configuration key prefix of the URL an app's configuration calls instead of its endpoint.</summary>
    internal const string UrlOverrideKey = "Servarr:Testing:ConfigurationUrl";

    public const string ApplyCommand = "servarr-apply-configuration";
    public const string CheckCommand = "servarr-check-configuration";

    private static readonly TimeSpan[] s_retries = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)];

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (!executionContext.IsRunMode)
        {
            return Task.CompletedTask;
        }

        eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var stopping = e.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
            foreach (var app in Apps(e.Model))
            {
                var builder = handle.Builder.CreateResourceBuilder(app);
                builder.WithAnnotation(new HealthCheckAnnotation(HealthCheckKey(app)));
                builder.WithCommand(ApplyCommand, "Apply configuration", c => CommandAsync(app, e.Model, ConfigurationMode.Apply, c), new CommandOptions
                {
                    Description = "Read the app's settings, and set what differs from the model (download clients, root folders, applications).",
                    IconName = "Wrench",
                    UpdateState = c => c.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
                });
                builder.WithCommand(CheckCommand, "Check configuration drift", c => CommandAsync(app, e.Model, ConfigurationMode.Check, c), new CommandOptions
                {
                    Description = "Read the app's settings and list what differs from the model, changing nothing.",
                    IconName = "DocumentSearch",
                    UpdateState = c => c.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
                });
                Task.Run(() => ConfigureWhenHealthyAsync(app, e.Model, e.Services, stopping), CancellationToken.None).ContinueWith(
                    t => e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(app).LogError("configuration: {Error}", t.Exception?.GetBaseException().Message),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    /// <summary>Adds one health check registration per configured app (Aspire's health service reads them after the model is complete).</summary>
    public static void Register(IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var state = new ConfigurationState();
            foreach (var app in Apps(services.GetRequiredService<DistributedApplicationModel>()).Where(a => a.Annotations.OfType<SetupWizardAnnotation>().Any()))
            {
                state.HasSetupWizard(app.Name);
            }

            return state;
        });
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<DistributedApplicationModel, ConfigurationState>((options, model, state) =>
        {
            foreach (var app in Apps(model))
            {
                options.Registrations.Add(new HealthCheckRegistration(HealthCheckKey(app), _ => new ConfigurationHealthCheck(app.Name, state),
                    failureStatus: HealthStatus.Unhealthy, tags: null));
            }
        });
    }

    private static IEnumerable<ContainerResource> Apps(DistributedApplicationModel model) =>
        model.Resources.OfType<ContainerResource>().Where(r => r.Annotations.OfType<AppConfigurationAnnotation>().Any());

    private static async Task ConfigureWhenHealthyAsync(ContainerResource app, DistributedApplicationModel model, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(app);
        try
        {
            // The app's own health (its health command), not its readiness: readiness includes this configuration.
            await notifications.WaitForResourceAsync(app.Name, e => e.Snapshot.HealthReports.Any(h => h.Name == RunMode.HealthCheckKey(app)
                && h.Status == HealthStatus.Healthy), cancellationToken).ConfigureAwait(false);
            // The start of "healthy → configured" (bench/configure-run-mode.sh reads this line and the pass's).
            services.GetRequiredService<ILogger<ConfigurationLifecycle>>().LogInformation("configuration of {App}: the app is healthy; configuring", app.Name);
            await notifications.PublishUpdateAsync(app, s => s with { State = new ResourceStateSnapshot("Configuring", KnownResourceStateStyles.Info) }).ConfigureAwait(false);
            ConfigurationReport? report = null;
            foreach (var wait in s_retries.Prepend(TimeSpan.Zero))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                report = await RunAsync(app, model, services, ConfigurationMode.Apply, cancellationToken).ConfigureAwait(false);
                if (report.Succeeded)
                {
                    break;
                }
            }

            await PublishAsync(app, report!, notifications, log).ConfigureAwait(false);

            // Waiting for something outside the model (Plex claimed later in its web UI), or still failing after the
            // retries (an app or plex.tv briefly away): look again now and then; a look that finds the same only reads,
            // and the first that gets further applies and publishes.
            while (report!.Waiting || !report.Succeeded)
            {
                await Task.Delay(WaitingRetry(services), cancellationToken).ConfigureAwait(false);
                var again = await RunAsync(app, model, services, ConfigurationMode.Apply, cancellationToken, LogLevel.Debug).ConfigureAwait(false);
                if (again.Results.SequenceEqual(report.Results))
                {
                    continue;
                }

                report = again;
                await PublishAsync(app, report, notifications, log).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Building the items failed (e.g. a parameter the integration needs): the app is unhealthy with that reason.
            var failed = new ConfigurationReport(app.Name, [new ConfigurationResult("configuration", ConfigurationOutcome.Failed, exception.Message)]);
            services.GetRequiredService<ConfigurationState>().Record(failed);
            await PublishAsync(app, failed, notifications, log).ConfigureAwait(false);
        }
    }

    /// <summary>Configuration key of the seconds between looks at an app whose configuration waits or failed (default 30).</summary>
    internal const string WaitingRetryKey = "Servarr:Configuration:WaitingRetrySeconds";

    private static TimeSpan WaitingRetry(IServiceProvider services) =>
        TimeSpan.FromSeconds(double.TryParse(services.GetRequiredService<IConfiguration>()[WaitingRetryKey], System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 30);

    private static async Task<ExecuteCommandResult> CommandAsync(ContainerResource app, DistributedApplicationModel model, ConfigurationMode mode, ExecuteCommandContext command)
    {
        var services = command.Services;
        var report = await RunAsync(app, model, services, mode, command.CancellationToken).ConfigureAwait(false);
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(app);
        if (mode == ConfigurationMode.Apply)
        {
            await PublishAsync(app, report, services.GetRequiredService<ResourceNotificationService>(), log).ConfigureAwait(false);
            return report.Succeeded ? CommandResults.Success() : CommandResults.Failure(string.Join("; ", report.Results.Where(r => r.Outcome == ConfigurationOutcome.Failed)));
        }

        foreach (var result in report.Results)
        {
            log.LogInformation("drift check: {Result}", result);
        }

        var drift = report.Results.Where(r => r.Outcome != ConfigurationOutcome.AsModelled).ToList();
        return drift.Count == 0 ? CommandResults.Success() : CommandResults.Failure($"{drift.Count} item(s) differ from the model: {string.Join("; ", drift)}");
    }

    private static async Task<ConfigurationReport> RunAsync(ContainerResource app, DistributedApplicationModel model, IServiceProvider services,
        ConfigurationMode mode, CancellationToken cancellationToken, LogLevel passLevel = LogLevel.Information)
    {
        var values = new ParameterValues(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<DistributedApplicationExecutionContext>());
        // Test hook (Servarr:Testing:ConfigurationUrl:<app>): the address of a fake of the app's API in place of the container's.
        var url = services.GetRequiredService<IConfiguration>()[$"{UrlOverrideKey}:{app.Name}"] ?? app.GetEndpoint("http").Url;
        var appHost = services.GetRequiredService<ServarrRunHost>().AppHostDirectory;
        var pass = await AppConfigurator.RunAppAsync(app, model, new Uri(url.TrimEnd('/') + "/"),
            (parameter, ct) => RunParameterValues.ValueAsync(values, parameter, ct), mode,
            c => RunExpressions.ConfigFolder(c, p => values.Resolve(p).Value, appHost), cancellationToken).ConfigureAwait(false);
        var report = pass.Report;
        // One line in the AppHost's own log per pass (bench/configure-after-healthy.sh reads it): what it did and cost.
        // (A look again at a waiting app, every 30 s, logs at Debug.)
        services.GetRequiredService<ILogger<ConfigurationLifecycle>>().Log(passLevel,
            "configuration of {App} ({Mode}): {Applied} applied, {AsModelled} as modelled, {Failed} failed, {Differs} differ, {Waiting} waiting in {Milliseconds:0} ms, {Calls}",
            app.Name, mode, report.Results.Count(r => r.Outcome == ConfigurationOutcome.Applied), report.Results.Count(r => r.Outcome == ConfigurationOutcome.AsModelled),
            report.Results.Count(r => r.Outcome == ConfigurationOutcome.Failed), report.Results.Count(r => r.Outcome == ConfigurationOutcome.Differs),
            report.Results.Count(r => r.Outcome == ConfigurationOutcome.Waiting),
            pass.Elapsed.TotalMilliseconds, pass.Calls);
        if (mode == ConfigurationMode.Apply)
        {
            services.GetRequiredService<ConfigurationState>().Record(report);
        }

        return report;
    }

    /// <summary>The report as the app's properties, console log lines and state (Running again; health from the report).</summary>
    private static async Task PublishAsync(ContainerResource app, ConfigurationReport report, ResourceNotificationService notifications, ILogger log)
    {
        foreach (var result in report.Results)
        {
            if (result.Outcome == ConfigurationOutcome.Failed)
            {
                log.LogError("configuration: {Result}", result);
            }
            else
            {
                log.LogInformation("configuration: {Result}", result);
            }
        }

        await notifications.PublishUpdateAsync(app, s => s with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
            Properties = [.. s.Properties.Where(p => !p.Name.StartsWith("servarr.configuration.", StringComparison.Ordinal)),
                .. report.Results.Select((r, i) => new ResourcePropertySnapshot($"servarr.configuration.{i + 1}", r.ToString()) { DisplayName = $"Configuration {i + 1}" })],
        }).ConfigureAwait(false);
    }
}
