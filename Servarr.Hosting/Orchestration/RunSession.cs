using System.Net;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Orchestration;

/// <summary>How a run session starts: image pulls, host ports, the dashboard, and the app name that labels what it creates.</summary>
public sealed record RunSessionOptions
{
    /// <summary>When images are pulled.</summary>
    public PullPolicy Pull { get; init; } = PullPolicy.Missing;

    /// <summary>Random 127.0.0.1 ports for every HTTP endpoint, published ones included (tests).</summary>
    public bool RandomHostPorts { get; init; }

    /// <summary>Overrides the app name derived from the AppHost folder (label <c>servarr.app</c>, network name).</summary>
    public string? AppName { get; init; }

    /// <summary>Start the Aspire dashboard and serve it the resource service (off with <c>--no-dashboard</c>).</summary>
    public bool Dashboard { get; init; }
}

/// <summary>
/// One run of the stack on the local engine, shared by <c>dotnet run</c> and the testing builder: checks the model with
/// values held in memory (a failed check writes nothing), connects to Docker, keeps generated secrets, creates the config
/// folders; on start serves the dashboard's resource service first, then starts the containers (the dashboard's among
/// them). Dispose to remove the session's containers.
/// </summary>
public sealed class RunSession : IAsyncDisposable
{
    private readonly DockerContainerRuntime _runtime;
    private readonly PullPolicy _pull;
    private readonly (DashboardContainer Container, int ServicePort, IPAddress? Gateway)? _dashboard;
    private ResourceServiceHost? _serviceHost;
    private DashboardResources? _dashboardResources;
    private DashboardTelemetry? _telemetry;
    private bool _stopped;

    private RunSession(DistributedApplicationModel model, DockerContainerRuntime runtime, RunContext context, Uri endpoint,
        IReadOnlyList<string> createdFolders, PullPolicy pull, (DashboardContainer, int, IPAddress?)? dashboard)
    {
        Model = model;
        _runtime = runtime;
        _pull = pull;
        _dashboard = dashboard;
        Context = context;
        Endpoint = endpoint;
        CreatedFolders = createdFolders;
        State = new RunState();
        Orchestrator = new ApplicationOrchestrator(runtime, State);
    }

    /// <summary>What runs: the application's model, plus the dashboard when it is on.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>The engine address.</summary>
    public Uri Endpoint { get; }

    /// <summary>App and session names, parameter values, host ports.</summary>
    public RunContext Context { get; }

    /// <summary>Folder parameters that fell back to a folder under the AppHost's directory, with that folder.</summary>
    public IReadOnlyList<(ParameterResource Parameter, string Folder)> DevelopmentFolders { get; private init; } = [];

    /// <summary>Config folders this session created.</summary>
    public IReadOnlyList<string> CreatedFolders { get; }

    /// <summary>The live state of every resource.</summary>
    public RunState State { get; }

    /// <summary>The orchestrator (console output, commands).</summary>
    public ApplicationOrchestrator Orchestrator { get; }

    /// <summary>The dashboard's login URL with its token, or null without a dashboard.</summary>
    public Uri? DashboardLoginUrl => _dashboard is { } d && Context.DevelopmentPorts.TryGetValue((DashboardContainer.Name, "http"), out var port)
        ? new Uri($"http://127.0.0.1:{port}/login?t={Context.Parameters.Resolve(d.Container.BrowserToken).Value}")
        : null;

    /// <summary>The resource service's port on the host, or null without a dashboard.</summary>
    public int? ResourceServicePort => _dashboard?.ServicePort;

    /// <summary>
    /// Checks <paramref name="application"/> and prepares a session; throws <see cref="ModelValidationException"/> or a one-line
    /// <see cref="ServarrException"/> before anything is created on the engine.
    /// </summary>
    public static async Task<RunSession> CreateAsync(DistributedApplication application, RunSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        var builder = application.Builder;
        if (!builder.ExecutionContext.IsRunMode)
        {
            throw new ServarrException("the AppHost was started for publishing; pass --publisher manifest|compose with --output-path");
        }

        var check = new ParameterValues(builder.Configuration, builder.ExecutionContext, store: null);
        ModelValidator.ThrowIfInvalid(new ValidationContext(application.Model, builder.ExecutionContext, check));
        if (options.Dashboard && application.Model.Find(DashboardContainer.Name) is not null)
        {
            throw new ServarrException($"resource '{DashboardContainer.Name}': the name is taken by the dashboard run mode starts; rename the resource or run with --no-dashboard");
        }

        var endpoint = AppIdentity.DockerEndpoint(builder);
        var runtime = await DockerContainerRuntime.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        try
        {
            (DashboardContainer, int, IPAddress?)? dashboard = null;
            if (options.Dashboard)
            {
                var servicePort = DevelopmentPorts.AnyFreePort([]);
                dashboard = (DashboardContainer.Create(servicePort), servicePort, await runtime.HostGatewayAsync(cancellationToken).ConfigureAwait(false));
            }

            var model = dashboard is { } withDashboard
                ? new DistributedApplicationModel([.. application.Model.Resources, .. withDashboard.Item1.Resources])
                : application.Model;

            // Now generated secrets are created once and kept in user-secrets.
            var store = builder.UserSecrets;
            var parameters = new ParameterValues(builder.Configuration, builder.ExecutionContext, store);
            var appName = options.AppName ?? AppIdentity.AppName(builder);
            var held = await HeldPortsAsync(runtime, appName, cancellationToken).ConfigureAwait(false);
            var context = new RunContext(appName, Guid.NewGuid().ToString("N")[..12], parameters, builder.AppHostDirectory,
                DevelopmentPorts.Assign(model, random: options.RandomHostPorts, held: held));
            var development = HostFolders.CreateDevelopmentFolders(model, context);
            var folders = HostFolders.CreateConfigFolders(model, context); // generated files are written as each container starts
            HostFolders.GiveSecretFiles(model, context);
            return new RunSession(model, runtime, context, endpoint, folders, options.Pull, dashboard) { DevelopmentFolders = development };
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    /// <summary>Serves the dashboard's resource service (when on), then starts the stack; containers come up in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_dashboard is { } dashboard)
        {
            // Before the dashboard container: it does not recover from a refused first connection.
            _dashboardResources = new DashboardResources(Model, State, Context, new HashSet<string> { DashboardContainer.Name });
            var service = new ResourceDashboardService(_dashboardResources, Orchestrator.Logs, Orchestrator, Context.AppName);
            IPAddress[] addresses = dashboard.Gateway is { } gateway ? [IPAddress.Loopback, gateway] : [IPAddress.Loopback];
            var apiKey = Context.Parameters.Resolve(dashboard.Container.ResourceServiceApiKey).Value!;
            var otlp = new OtlpTarget(new Uri($"http://127.0.0.1:{Context.DevelopmentPorts[(DashboardContainer.Name, "otlp-grpc")]}"),
                Context.Parameters.Resolve(dashboard.Container.OtlpApiKey).Value!);
            _serviceHost = await ResourceServiceHost.StartAsync(service, apiKey, addresses, dashboard.ServicePort, cancellationToken, otlp, Context.AppName)
                .ConfigureAwait(false);
            _telemetry = DashboardTelemetry.ToOtlp(_runtime, State, otlp);
            State.Changed += new StateChangeLog(_serviceHost.Logger).Write;
        }

        await Orchestrator.StartAsync(Model, Context, _pull, cancellationToken).ConfigureAwait(false);
        if (_dashboardResources is { } resources && Orchestrator.Gate is { } gate)
        {
            resources.Note = container => ParameterSummary.FeatureNote(container, gate);
        }
    }

    /// <summary>Removes the session's containers (persistent ones and volumes stay).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopped)
        {
            _stopped = true;
            await Orchestrator.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await Orchestrator.DisposeAsync().ConfigureAwait(false);
        if (_telemetry is not null)
        {
            await _telemetry.DisposeAsync().ConfigureAwait(false);
        }

        if (_serviceHost is not null)
        {
            await _serviceHost.DisposeAsync().ConfigureAwait(false);
        }

        _dashboardResources?.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Ports that the app's running persistent containers (no session label) publish on 127.0.0.1.</summary>
    private static async Task<Dictionary<(string, int), int>> HeldPortsAsync(IContainerRuntime runtime, string appName, CancellationToken cancellationToken)
    {
        var ours = await runtime.FindContainersAsync(new Dictionary<string, string> { [ServarrLabels.App] = appName }, cancellationToken).ConfigureAwait(false);
        return ours.Where(c => c.Running && !c.Labels.ContainsKey(ServarrLabels.Session))
            .SelectMany(c => (c.LoopbackPorts ?? new Dictionary<int, int>()).Select(p => (Key: (c.Name, p.Key), p.Value)))
            .ToDictionary(x => x.Key, x => x.Value);
    }
}
