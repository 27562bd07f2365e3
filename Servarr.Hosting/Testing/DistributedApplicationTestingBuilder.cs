using System.Reflection;
using Microsoft.Extensions.Configuration;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting.Testing;

/// <summary>
/// Builds a real AppHost's model from a test, in Aspire.Hosting.Testing's shape: the AppHost's <c>Program.cs</c> runs
/// up to <c>Build()</c> (nothing starts), the test overrides images, parameter values and ports, then starts the stack
/// on the local engine with <see cref="BuildAsync"/> and <see cref="TestingApplication.StartAsync"/>.
/// </summary>
/// <example>
/// <code>
/// var appHost = await DistributedApplicationTestingBuilder.CreateAsync(typeof(MyAppHostMarker).Assembly, ct: token);
/// appHost.WithParameter("wireguard-private-key", "test-key")
///        .WithImage("plex", "localhost/plex-standin", "1.0");
/// await using var app = await appHost.BuildAsync(token);
/// await app.StartAsync(token);
/// await app.WaitForResourceHealthyAsync("sonarr", token);
/// using var http = app.CreateHttpClient("sonarr");
/// var ping = await http.GetAsync("/ping", token);
/// </code>
/// </example>
public sealed class DistributedApplicationTestingBuilder
{
    private readonly DistributedApplication _application;
    private RunSessionOptions _options;

    private DistributedApplicationTestingBuilder(DistributedApplication application, string appName)
    {
        _application = application;
        _options = new RunSessionOptions { Pull = PullPolicy.Never, RandomHostPorts = true, AppName = appName };
    }

    /// <summary>The AppHost's model (resources can be inspected before start).</summary>
    public DistributedApplicationModel Model => _application.Model;

    /// <summary>The AppHost's configuration; <c>Parameters:&lt;name&gt;</c> keys give parameter values.</summary>
    public IConfigurationManager Configuration => _application.Builder.Configuration;

    /// <summary>
    /// Runs the AppHost in <paramref name="appHostAssembly"/> up to <c>Build()</c>, in run mode, without reading environment
    /// variables or user-secrets and without keeping generated secrets (they live in memory for the test); the app
    /// name gets a <c>-test</c> suffix so a test never sweeps or adopts a developer's running stack.
    /// </summary>
    public static async Task<DistributedApplicationTestingBuilder> CreateAsync(Assembly appHostAssembly, string[]? args = null,
        IDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appHostAssembly);
        DistributedApplication? built = null;
        var hook = new DistributedApplicationTestHook
        {
            ConfigureOptions = options => new DistributedApplicationOptions
            {
                Args = options.Args,
                AppHostDirectory = options.AppHostDirectory,
                UserSecretsId = null,
                ReadMachineConfiguration = false,
                ConfigurationOverrides = configuration ?? new Dictionary<string, string?>(),
            },
            OnBuilt = app => built = app,
            SkipRun = true,
        };
        await hook.RunEntryPointAsync(appHostAssembly, args ?? ["run"]).WaitAsync(cancellationToken).ConfigureAwait(false);
        var application = built ?? throw new InvalidOperationException($"{appHostAssembly.GetName().Name}'s Program.cs did not call Build().");
        return new DistributedApplicationTestingBuilder(application, $"{AppIdentity.AppName(application.Builder)}-test");
    }

    /// <summary>Gives parameter <paramref name="name"/> a value for this test.</summary>
    public DistributedApplicationTestingBuilder WithParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Configuration[$"Parameters:{name}"] = value;
        return this;
    }

    /// <summary>Runs <paramref name="resource"/> from another image, given in full (a local stand-in, a newer tag).</summary>
    public DistributedApplicationTestingBuilder WithImage(string resource, string image, string tag)
    {
        var container = Model.Containers.SingleOrDefault(c => c.Name == resource)
                        ?? throw new ArgumentException($"The AppHost has no container resource '{resource}'.", nameof(resource));
        foreach (var old in container.Annotations.OfType<ContainerImageAnnotation>().ToList())
        {
            container.Annotations.Remove(old);
        }

        container.Annotations.Add(new ContainerImageAnnotation(image, tag));
        return this;
    }

    /// <summary>Fixed or random host ports (random by default, so a test never takes a port of a real stack).</summary>
    public DistributedApplicationTestingBuilder WithRandomHostPorts(bool random)
    {
        _options = _options with { RandomHostPorts = random };
        return this;
    }

    /// <summary>Also start the Aspire dashboard and its resource service (off by default).</summary>
    public DistributedApplicationTestingBuilder WithDashboard(bool dashboard = true)
    {
        _options = _options with { Dashboard = dashboard };
        return this;
    }

    /// <summary>When images are pulled (never, by default: tests use local images).</summary>
    public DistributedApplicationTestingBuilder WithPullPolicy(PullPolicy pull)
    {
        _options = _options with { Pull = pull };
        return this;
    }

    /// <summary>Checks the model with the test's values and connects to the engine; nothing is created until <see cref="TestingApplication.StartAsync"/>.</summary>
    public async Task<TestingApplication> BuildAsync(CancellationToken cancellationToken = default) =>
        new(_application, await RunSession.CreateAsync(_application, _options, cancellationToken).ConfigureAwait(false));
}
