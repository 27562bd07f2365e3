using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Orchestration;

/// <summary>How a run session starts: image pulls, host ports, and the app name that labels what it creates.</summary>
public sealed record RunSessionOptions
{
    /// <summary>When images are pulled.</summary>
    public PullPolicy Pull { get; init; } = PullPolicy.Missing;

    /// <summary>Random 127.0.0.1 ports for every HTTP endpoint, published ones included (tests).</summary>
    public bool RandomHostPorts { get; init; }

    /// <summary>Overrides the app name derived from the AppHost folder (label <c>servarr.app</c>, network name).</summary>
    public string? AppName { get; init; }
}

/// <summary>
/// One run of the stack on the local engine, shared by <c>dotnet run</c> and the testing builder: checks the model with
/// values held in memory (a failed check writes nothing), connects to Docker, keeps generated secrets, creates the config
/// folders, then starts the orchestrator. Dispose to remove the session's containers.
/// </summary>
public sealed class RunSession : IAsyncDisposable
{
    private readonly DockerContainerRuntime _runtime;
    private readonly DistributedApplication _application;
    private readonly PullPolicy _pull;
    private bool _stopped;

    private RunSession(DistributedApplication application, DockerContainerRuntime runtime, RunContext context, Uri endpoint,
        IReadOnlyList<string> createdFolders, PullPolicy pull)
    {
        _application = application;
        _runtime = runtime;
        _pull = pull;
        Context = context;
        Endpoint = endpoint;
        CreatedFolders = createdFolders;
        State = new RunState();
        Orchestrator = new ApplicationOrchestrator(runtime, State);
    }

    /// <summary>The engine address.</summary>
    public Uri Endpoint { get; }

    /// <summary>App and session names, parameter values, host ports.</summary>
    public RunContext Context { get; }

    /// <summary>Config folders this session created.</summary>
    public IReadOnlyList<string> CreatedFolders { get; }

    /// <summary>The live state of every resource.</summary>
    public RunState State { get; }

    /// <summary>The orchestrator (console output, commands).</summary>
    public ApplicationOrchestrator Orchestrator { get; }

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

        var endpoint = AppIdentity.DockerEndpoint(builder);
        var runtime = await DockerContainerRuntime.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        try
        {
            // Now generated secrets are created once and kept in user-secrets.
            var store = builder.UserSecretsId is null ? null : UserSecretsStore.ForId(builder.UserSecretsId);
            var parameters = new ParameterValues(builder.Configuration, builder.ExecutionContext, store);
            var appName = options.AppName ?? AppIdentity.AppName(builder);
            var held = await HeldPortsAsync(runtime, appName, cancellationToken).ConfigureAwait(false);
            var context = new RunContext(appName, Guid.NewGuid().ToString("N")[..12], parameters, builder.AppHostDirectory,
                DevelopmentPorts.Assign(application.Model, random: options.RandomHostPorts, held: held));
            var folders = HostFolders.CreateConfigFolders(application.Model, context);
            return new RunSession(application, runtime, context, endpoint, folders, options.Pull);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    /// <summary>Ports that the app's running persistent containers (no session label) publish on 127.0.0.1.</summary>
    private static async Task<Dictionary<(string, int), int>> HeldPortsAsync(IContainerRuntime runtime, string appName, CancellationToken cancellationToken)
    {
        var ours = await runtime.FindContainersAsync(new Dictionary<string, string> { [ServarrLabels.App] = appName }, cancellationToken).ConfigureAwait(false);
        return ours.Where(c => c.Running && !c.Labels.ContainsKey(ServarrLabels.Session))
            .SelectMany(c => (c.LoopbackPorts ?? new Dictionary<int, int>()).Select(p => (Key: (c.Name, p.Key), p.Value)))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    /// <summary>Starts the stack; containers come up in the background as their prerequisites are met.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Orchestrator.StartAsync(_application.Model, Context, _pull, cancellationToken);

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
        _runtime.Dispose();
    }
}
