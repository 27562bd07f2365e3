using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Orchestration;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// The resource service over a real gRPC connection, for an in-memory engine: a two-container model ("db" with a
/// health check, a secret and a plain variable; "app" referring to and waiting for it) run by the orchestrator.
/// </summary>
internal sealed class DashboardTestHost : IAsyncDisposable
{
    public const string ApiKey = "test-resource-service-key";
    public const string Secret = "s3cret-value-never-sent";

    private DashboardTestHost(FakeContainerRuntime runtime, ApplicationOrchestrator orchestrator, DashboardResources resources, ResourceServiceHost host)
    {
        Runtime = runtime;
        Orchestrator = orchestrator;
        Resources = resources;
        Host = host;
    }

    public FakeContainerRuntime Runtime { get; }

    public ApplicationOrchestrator Orchestrator { get; }

    public DashboardResources Resources { get; }

    public ResourceServiceHost Host { get; }

    /// <summary>Starts it; with <paramref name="telemetry"/> the service host also exports the AppHost's traces and logs there.</summary>
    public static async Task<DashboardTestHost> StartAsync(OtlpTarget? telemetry = null, Action<ApplicationOrchestrator, RunState, ResourceServiceHost>? beforeStart = null)
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, new Dictionary<string, string?> { ["Parameters:db-password"] = Secret });
        var password = builder.AddParameter("db-password", secret: true);
        var db = builder.AddContainer("db", "docker.io/library/db", "1.0").WithHttpEndpoint(targetPort: 5432).WithHttpHealthCheck("/ready")
            .WithEnvironment("DB_PASSWORD", password).WithEnvironment("DB_MODE", "fast").WithVolume("db-data", "/data");
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 8080).WithReference(db).WaitFor(db);
        var model = builder.Build().Model;
        var runtime = new FakeContainerRuntime { HealthOnStart = name => name == "db" ? "healthy" : null };
        runtime.PresentImages.UnionWith(model.Containers.Select(c => c.GetImage()!.Reference));
        var state = new RunState();
        var run = new RunContext("servarr", "s1", builder.Values(), "/tmp", new Dictionary<(string, string), int> { [("app", "http")] = 48080 });
        var orchestrator = new ApplicationOrchestrator(runtime, state) { PollInterval = TimeSpan.FromMilliseconds(20) };
        var resources = new DashboardResources(model, state, run);
        var service = new ResourceDashboardService(resources, orchestrator.Logs, orchestrator, "servarr");
        var host = await ResourceServiceHost.StartAsync(service, ApiKey, [IPAddress.Loopback], DevelopmentPorts.AnyFreePort([]), CancellationToken.None,
            telemetry);
        beforeStart?.Invoke(orchestrator, state, host);
        await orchestrator.StartAsync(model, run, PullPolicy.Missing, CancellationToken.None);
        await state.WaitAsync("app", s => s.State == ResourceState.Running, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        return new DashboardTestHost(runtime, orchestrator, resources, host);
    }

    /// <summary>A call invoker for the service that sends <paramref name="apiKey"/> (none when null).</summary>
    public CallInvoker Connect(out GrpcChannel channel, string? apiKey = ApiKey)
    {
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Host.Port}");
        return apiKey is null ? channel.CreateCallInvoker() : channel.Intercept(m =>
        {
            m.Add(ApiKeyInterceptor.Header, apiKey);
            return m;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        await Host.DisposeAsync();
        Resources.Dispose();
    }
}
