using System.Diagnostics;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Lifecycle;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>
/// Runs the VPN apps (resources with <see cref="VpnAnnotation"/>, <c>WithVpn</c>) in run mode: hides them from Aspire's
/// orchestrator in <see cref="BeforeStartEvent"/>, after run preparation has handed their mounts, generated files and
/// health check to the model (registered after <see cref="RunPreparationSubscriber"/>: same event, subscription order);
/// gives their endpoints back once the orchestrator starts its first container, and runs one <see cref="VpnAppRunner"/>
/// per app. Removes leftovers of a killed AppHost on start and its own containers on stop.
/// </summary>
internal sealed class VpnLifecycle(IVpnContainerEngine engine, ResourceNotificationService notifications, ResourceLoggerService loggers,
    DistributedApplicationExecutionContext executionContext, IServiceProvider services, IHostApplicationLifetime lifetime,
    IConfiguration configuration, ServarrRunHost host, ServarrBuilderHandle handle, ILogger<VpnLifecycle> logger) : IDistributedApplicationEventingSubscriber
{
    private readonly Dictionary<string, VpnAppRunner> _runners = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _restoreGate = new(1, 1);
    private IDistributedApplicationEventing? _eventing;

    /// <summary>The suffix of this AppHost run's container names and its session label.</summary>
    public string Session { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <inheritdoc />
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventing);
        ArgumentNullException.ThrowIfNull(executionContext);
        if (executionContext.IsRunMode)
        {
            _eventing = eventing;
            eventing.Subscribe<BeforeStartEvent>(OnBeforeStartAsync);
            eventing.Subscribe<BeforeResourceStartedEvent>(OnBeforeResourceStartedAsync);
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the app (a new container in the gateway's current namespace, once the gateway is healthy).</summary>
    public Task StartAsync(string resourceName, CancellationToken cancellationToken) => Runner(resourceName).StartAsync(false, cancellationToken);

    /// <summary>Stops and removes the app's container.</summary>
    public Task StopAsync(string resourceName, CancellationToken cancellationToken) => Runner(resourceName).StopAsync(cancellationToken);

    /// <summary>Stops the app and starts it again.</summary>
    public async Task RestartAsync(string resourceName, CancellationToken cancellationToken)
    {
        await Runner(resourceName).StopAsync(cancellationToken).ConfigureAwait(false);
        await Runner(resourceName).StartAsync(false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes every container this AppHost created (AppHost shutdown).</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_runners.Values.Select(r => r.ShutdownAsync(cancellationToken))).ConfigureAwait(false);
    }

    private VpnAppRunner Runner(string resourceName) =>
        _runners.TryGetValue(resourceName, out var runner) ? runner : throw new InvalidOperationException($"'{resourceName}' is not a VPN app.");

    private async Task OnBeforeStartAsync(BeforeStartEvent @event, CancellationToken cancellationToken)
    {
        await RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VpnNames.SessionLabel] = Session,
            [VpnNames.OwnerPidLabel] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [VpnNames.OwnerHostLabel] = Environment.MachineName,
        };
        var run = new RunContext(new ParameterValues(configuration, executionContext), host.AppHostDirectory, host.Application);
        var context = new VpnRunContext(engine, notifications, loggers, executionContext, lifetime.ApplicationStopping, _restored.Task, labels, Session, run);
        foreach (var app in @event.Model.Resources.OfType<ContainerResource>().Where(r => r.GetVpnGateway() is not null).ToList())
        {
            var vpn = app.Annotations.OfType<VpnAnnotation>().Last();
            var stash = VpnEndpoints.Stash(app, vpn.Gateway);
            VpnCommands.Add(handle.Builder.CreateResourceBuilder(app));
            _runners[app.Name] = new VpnAppRunner(app, vpn.Gateway, stash, context);
            await notifications.PublishUpdateAsync(app, s => s with
            {
                ResourceType = "Container",
                State = KnownResourceStates.NotStarted,
                Properties = [.. s.Properties.Where(p => p.Name is not (VpnNames.ContainerImageProperty or VpnNames.GatewayProperty)),
                    new(VpnNames.ContainerImageProperty, stash.ImageReference), new(VpnNames.GatewayProperty, vpn.Gateway.Name)],
            }).ConfigureAwait(false);
            logger.LogDebug("VPN app {App} runs in the namespace of {Gateway}", app.Name, vpn.Gateway.Name);
        }

        foreach (var runner in _runners.Values)
        {
            await runner.StartAsync(true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The orchestrator starts a container: its model is prepared and its endpoints allocated, and no container's
    /// environment has been evaluated yet, so the apps' endpoints can come back now.
    /// </summary>
    private async Task OnBeforeResourceStartedAsync(BeforeResourceStartedEvent @event, CancellationToken cancellationToken)
    {
        if (_runners.Count == 0 || _restored.Task.IsCompleted || @event.Resource.GetVpnGateway() is not null)
        {
            return;
        }

        await _restoreGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_restored.Task.IsCompleted)
            {
                return;
            }

            foreach (var runner in _runners.Values)
            {
                await VpnEndpoints.RestoreAsync(runner.App, runner.Stash, runner.Gateway, cancellationToken).ConfigureAwait(false);
                if (runner.Stash.Endpoints.Count > 0 && _eventing is not null)
                {
                    // Aspire's orchestrator turns this into the app's URLs (inactive until the runner says it is running).
                    await _eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(runner.App, services), cancellationToken).ConfigureAwait(false);
                }
            }

            _restored.TrySetResult();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not allocate the endpoints of the VPN apps");
            _restored.TrySetException(exception);
        }
        finally
        {
            _restoreGate.Release();
        }
    }

    /// <summary>Removes containers of ours whose AppHost process is gone (killed) or whose gateway is no longer running.</summary>
    private async Task RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var container in await engine.ListAsync(VpnNames.SessionLabel, cancellationToken).ConfigureAwait(false))
            {
                var labels = container.Labels;
                var ownerAlive = labels.GetValueOrDefault(VpnNames.OwnerHostLabel) == Environment.MachineName
                    && int.TryParse(labels.GetValueOrDefault(VpnNames.OwnerPidLabel), out var pid) && IsAlive(pid);
                var gateway = labels.TryGetValue(VpnNames.GatewayLabel, out var gatewayId)
                    ? await engine.InspectAsync(gatewayId, cancellationToken).ConfigureAwait(false) : null;
                if (!ownerAlive || gateway?.Status != "running")
                {
                    logger.LogInformation("Removing leftover VPN app container {Name} of session {Session}", container.Name, labels.GetValueOrDefault(VpnNames.SessionLabel));
                    await engine.RemoveAsync(container.Id, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not look for leftover VPN app containers");
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>What every <see cref="VpnAppRunner"/> of one AppHost run shares.</summary>
internal sealed record VpnRunContext(IVpnContainerEngine Engine, ResourceNotificationService Notifications, ResourceLoggerService Loggers,
    DistributedApplicationExecutionContext ExecutionContext, CancellationToken Stopping, Task Restored, IReadOnlyDictionary<string, string> Labels, string Session,
    RunContext Run);
