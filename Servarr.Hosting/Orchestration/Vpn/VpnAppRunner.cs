using Servarr.Hosting.ApplicationModel;
using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>
/// The life of one VPN app: wait for its dependencies (the gateway healthy first), create its container in the gateway's
/// namespace, follow its logs, publish its state from Docker's, and take it down when the gateway stops or changes
/// (a new gateway container is a new namespace) — then wait for the gateway again.
/// </summary>
internal sealed class VpnAppRunner(ContainerResource app, IResource gateway, VpnStash stash, VpnRunContext context)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);
    private readonly ILogger _log = context.Loggers.GetLogger(app);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _run;
    private Task _running = Task.CompletedTask;

    public ContainerResource App => app;

    public IResource Gateway => gateway;

    public VpnStash Stash => stash;

    /// <summary>The current container's id, or null.</summary>
    public string? ContainerId { get; private set; }

    /// <summary>(Re)starts the run loop; <paramref name="waitForDependencies"/> honours every WaitAnnotation, else only the gateway.</summary>
    public async Task StartAsync(bool waitForDependencies, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
            _run = CancellationTokenSource.CreateLinkedTokenSource(context.Stopping);
            var token = _run.Token;
            _running = Task.Run(() => RunAsync(waitForDependencies, token), CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the run loop and removes the container.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PublishAsync(s => s with { State = KnownResourceStates.Stopping }).ConfigureAwait(false);
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
            await PublishAsync(s => Stopped(s, null)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>AppHost shutdown: stop without publishing.</summary>
    public Task ShutdownAsync(CancellationToken cancellationToken) => StopCoreAsync(cancellationToken);

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            await run.CancelAsync().ConfigureAwait(false);
            try
            {
                await _running.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            run.Dispose();
            _run = null;
        }

        if (ContainerId is { } id)
        {
            await context.Engine.RemoveAsync(id, s_stopTimeout, cancellationToken).ConfigureAwait(false);
            ContainerId = null;
        }
    }

    private async Task RunAsync(bool waitForDependencies, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(s => s with { State = KnownResourceStates.Waiting }).ConfigureAwait(false);
            if (waitForDependencies)
            {
                await context.Notifications.WaitForDependenciesAsync(app, cancellationToken).ConfigureAwait(false);
            }

            await context.Restored.WaitAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var gatewayId = await WaitForGatewayAsync(cancellationToken).ConfigureAwait(false);
                string reason;
                try
                {
                    await CreateAsync(gatewayId, cancellationToken).ConfigureAwait(false);
                    reason = await MonitorAsync(gatewayId, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    if ((await context.Engine.InspectAsync(gatewayId, cancellationToken).ConfigureAwait(false))?.Status == "running")
                    {
                        throw; // not the gateway's doing
                    }

                    reason = $"Gateway {gateway.Name} went away while the container was created ({exception.Message})";
                }

                _log.LogWarning("{Reason}: container removed so nothing can use the host's own connection; waiting for {Gateway} to be healthy again", reason, gateway.Name);
                if (ContainerId is { } id)
                {
                    await context.Engine.RemoveAsync(id, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                    ContainerId = null;
                }

                await PublishAsync(s => Stopped(s, null) with { State = KnownResourceStates.Waiting }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            _log.LogError(exception, "VPN app failed to start: {Message}", exception.Message);
            await PublishAsync(s => s with { State = KnownResourceStates.FailedToStart }).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until the gateway is running and healthy by a health report newer than its start (a restarted gateway keeps
    /// its old reports for a moment), and Docker agrees it runs; returns its container id (Aspire's <c>container.id</c>).
    /// </summary>
    private async Task<string> WaitForGatewayAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var healthy = await context.Notifications.WaitForResourceAsync(gateway.Name, e => IsFreshlyHealthy(e.Snapshot), cancellationToken)
                .ConfigureAwait(false);
            if (GatewayId(healthy.Snapshot) is { } id && (await context.Engine.InspectAsync(id, cancellationToken).ConfigureAwait(false))?.Status == "running")
            {
                return id;
            }

            await Task.Delay(s_poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsFreshlyHealthy(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy && GatewayId(snapshot) is not null
        && snapshot.HealthReports.All(r => r.LastRunAt is null || snapshot.StartTimeStamp is null || r.LastRunAt >= snapshot.StartTimeStamp);

    private async Task CreateAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await PublishAsync(s => s with { State = KnownResourceStates.Starting }).ConfigureAwait(false);
        var configuration = await ExecutionConfigurationBuilder.Create(app)
            .WithArgumentsConfig()
            .BuildAsync(context.ExecutionContext, _log, cancellationToken).ConfigureAwait(false);
        if (configuration.Exception is { } failed)
        {
            throw new InvalidOperationException($"Could not resolve the arguments of '{app.Name}': {failed.Message}", failed);
        }

        // Aspire's own resolution would give apps of this namespace as <gateway>:<port>; they are at localhost here.
        var environment = await VpnEnvironment.ResolveAsync(app, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        var args = configuration.Arguments.Select(a => a.Value).ToList();
        var spec = VpnSpecBuilder.Build(app, stash.ImageReference, gatewayId, environment, args, VpnNames.ContainerName(app.Name, context.Session),
            context.Labels, context.Run);
        await context.Engine.RemoveAsync(spec.Name, TimeSpan.Zero, cancellationToken).ConfigureAwait(false); // our own earlier run
        ContainerId = await context.Engine.CreateAndStartAsync(spec, cancellationToken).ConfigureAwait(false);
        _log.LogInformation("Created {Container} in the network namespace of {Gateway} (container:{GatewayId})", spec.Name, gateway.Name, gatewayId[..12]);
        var id = ContainerId;
        var secret = EnvironmentEvaluator.Evaluate(app, ServarrExecution.Run)
            .Where(e => e.Value.References.OfType<ParameterResource>().Any(p => p.Secret)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        _ = Task.Run(() => FollowLogsAsync(id, cancellationToken), CancellationToken.None);
        await PublishAsync(s => s with
        {
            CreationTimeStamp = DateTime.UtcNow,
            Properties = s.Properties.Where(p => p.Name is not (AspireSnapshot.ContainerIdProperty or VpnNames.ContainerPortsProperty or VpnNames.ContainerLifetimeProperty))
                .Concat([
                    new(AspireSnapshot.ContainerIdProperty, id),
                    new(VpnNames.ContainerPortsProperty, stash.Endpoints.Select(e => e.TargetPort!.Value).ToImmutableArray()),
                    new(VpnNames.ContainerLifetimeProperty, ContainerLifetime.Session),
                ]).ToImmutableArray(),
            // A value that holds a secret parameter is shown without its value: secrets never reach the dashboard.
            EnvironmentVariables = [.. environment.Select(e => new EnvironmentVariableSnapshot(e.Key, secret.Contains(e.Key) ? null : e.Value, true))],
        }).ConfigureAwait(false);
    }

    /// <summary>Publishes Docker's state until the gateway stops or is replaced, or the container disappears; returns why.</summary>
    private async Task<string> MonitorAsync(string gatewayId, CancellationToken cancellationToken)
    {
        string? last = null;
        while (true)
        {
            if (!GatewayStillUp(gatewayId))
            {
                return $"Gateway {gateway.Name} stopped or was replaced";
            }

            if (ContainerId is not { } id || await context.Engine.InspectAsync(id, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                return "The container disappeared";
            }

            var text = state.Status switch
            {
                "running" => KnownResourceStates.Running,
                "created" or "restarting" => KnownResourceStates.Starting,
                "paused" => "Paused",
                _ => KnownResourceStates.Exited,
            };
            if (text != last)
            {
                last = text;
                var running = text == KnownResourceStates.Running;
                await PublishAsync(s => s with
                {
                    State = text,
                    StartTimeStamp = running ? state.StartedAt ?? DateTime.UtcNow : s.StartTimeStamp,
                    StopTimeStamp = running ? null : DateTime.UtcNow,
                    ExitCode = running ? null : (int)state.ExitCode,
                    Urls = [.. s.Urls.Select(u => u with { IsInactive = !running })],
                }).ConfigureAwait(false);
            }

            await Task.Delay(s_poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool GatewayStillUp(string gatewayId) =>
        context.Notifications.TryGetCurrentState(gateway.Name, out var e)
            && e.Snapshot.State?.Text == KnownResourceStates.Running && GatewayId(e.Snapshot) == gatewayId;

    private async Task FollowLogsAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await context.Engine.FollowLogsAsync(id, (line, isError) =>
            {
                if (isError)
                {
                    _log.LogError("{Line}", line);
                }
                else
                {
                    _log.LogInformation("{Line}", line);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _log.LogDebug(exception, "Log stream of {Id} ended", id);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string? GatewayId(CustomResourceSnapshot snapshot) => AspireSnapshot.ContainerId(snapshot);

    private static CustomResourceSnapshot Stopped(CustomResourceSnapshot s, int? exitCode) => s with
    {
        State = KnownResourceStates.Exited,
        StopTimeStamp = DateTime.UtcNow,
        ExitCode = exitCode,
        Urls = [.. s.Urls.Select(u => u with { IsInactive = true })],
    };

    private Task PublishAsync(Func<CustomResourceSnapshot, CustomResourceSnapshot> update) => context.Notifications.PublishUpdateAsync(app, update);
}
