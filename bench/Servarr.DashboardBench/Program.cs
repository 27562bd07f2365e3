// Dashboard benchmarks (issue 4). Modes:
//   latency                 P5: 100 state changes, each timed from RunState.Set to the upsert a WatchResources client reads
//   logs [lines]            P6: one busy stand-in container prints numbered lines; read them through WatchResourceConsoleLogs,
//                           check none is lost, and compare with `docker logs` of the same container
//   clients <port> <key> <n> <seconds>
//                           n clients watching resources and every resource's console logs of a running AppHost
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Dashboard.Proto;
using Servarr.Hosting.Orchestration;

var mode = args.FirstOrDefault() ?? "latency";
return mode switch
{
    "latency" => await Latency(),
    "logs" => await Logs(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000),
    "clients" => await Clients(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], int.Parse(args[3], CultureInfo.InvariantCulture),
        int.Parse(args[4], CultureInfo.InvariantCulture)),
    _ => throw new ArgumentException($"unknown mode {mode}"),
};

static DashboardService.DashboardServiceClient Client(int port, string key, out GrpcChannel channel)
{
    channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    return new DashboardService.DashboardServiceClient(channel.Intercept(m =>
    {
        m.Add(ApiKeyInterceptor.Header, key);
        return m;
    }));
}

static IDistributedApplicationBuilder Builder() => DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    AppHostDirectory = Path.Combine(Path.GetTempPath(), "servarr-bench-apphost"),
    UserSecretsId = null,
    ReadMachineConfiguration = false,
});

static async Task<int> Latency()
{
    var builder = Builder();
    builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 8080);
    var app = builder.Build();
    var state = new RunState();
    var values = new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, null);
    var run = new RunContext("bench", "s", values, "/tmp");
    using var resources = new DashboardResources(app.Model, state, run);
    var orchestrator = new ApplicationOrchestrator(new NoEngine(), state);
    var service = new ResourceDashboardService(resources, orchestrator.Logs, orchestrator, "bench");
    var port = DevelopmentPorts.AnyFreePort([]);
    await using var host = await ResourceServiceHost.StartAsync(service, "k", [IPAddress.Loopback], port, CancellationToken.None);
    var client = Client(port, "k", out var channel);
    using var _ = channel;
    using var call = client.WatchResources(new WatchResourcesRequest());
    await call.ResponseStream.MoveNext(CancellationToken.None);

    var samples = new List<double>();
    for (var i = 0; i < 120; i++)
    {
        var clock = Stopwatch.StartNew();
        state.Set(new ResourceSnapshot("app", i % 2 == 0 ? ResourceState.Running : ResourceState.Starting, Reason: $"change {i}"));
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.Changes?.Value.Any(c => c.Upsert?.Properties.Any(p => p.Value.StringValue == $"change {i}") == true) == true)
            {
                break;
            }
        }

        if (i >= 20)
        {
            samples.Add(clock.Elapsed.TotalMilliseconds); // the first 20 warm up the JIT
        }
    }

    samples.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"P5 state change -> upsert over {samples.Count} changes: p50 {samples[samples.Count / 2]:0.00} ms, p95 {samples[(int)(samples.Count * 0.95)]:0.00} ms, max {samples[^1]:0.00} ms"));
    return 0;
}

static async Task<int> Logs(int lines)
{
    var image = Environment.GetEnvironmentVariable("STANDIN_IMAGE") ?? throw new InvalidOperationException("set STANDIN_IMAGE to a stand-in image name:tag");
    var colon = image.LastIndexOf(':');
    var builder = Builder();
    builder.AddContainer("busy", image[..colon], image[(colon + 1)..]).WithEntrypoint("/bin/sh")
        .WithArgs("-c", $"sleep 2; i=0; while [ $i -lt {lines} ]; do echo \"line $i\"; i=$((i+1)); done; sleep 600")
        .WithRestartPolicy(Servarr.Hosting.ApplicationModel.RestartPolicy.No);
    var app = builder.Build();
    await using var session = await RunSession.CreateAsync(app, new RunSessionOptions { AppName = "bench-logs", Pull = PullPolicy.Never }, CancellationToken.None);
    using var resources = new DashboardResources(session.Model, session.State, session.Context);
    var service = new ResourceDashboardService(resources, session.Orchestrator.Logs, session.Orchestrator, "bench");
    var port = DevelopmentPorts.AnyFreePort([]);
    await using var host = await ResourceServiceHost.StartAsync(service, "k", [IPAddress.Loopback], port, CancellationToken.None);
    await session.StartAsync(CancellationToken.None);
    await session.State.WaitAsync("busy", s => s.ContainerId is not null, CancellationToken.None);

    var client = Client(port, "k", out var channel);
    using var _ = channel;
    using var call = client.WatchResourceConsoleLogs(new WatchResourceConsoleLogsRequest { ResourceName = "busy" });
    var (received, nextNumber, nextText, gaps) = (0, 1, 0, 0);
    Stopwatch? clock = null;
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    while (received < lines && await call.ResponseStream.MoveNext(timeout.Token))
    {
        clock ??= Stopwatch.StartNew();
        foreach (var line in call.ResponseStream.Current.LogLines)
        {
            var text = line.Text[(line.Text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            gaps += line.LineNumber == nextNumber && text == $"line {nextText}" ? 0 : 1;
            (nextNumber, nextText) = (line.LineNumber + 1, nextText + 1);
            received++;
        }
    }

    var ours = received / clock!.Elapsed.TotalSeconds;
    var docker = Stopwatch.StartNew();
    var dockerLines = DockerLogsLineCount(session.State.Get("busy").ContainerId!);
    var theirs = dockerLines / docker.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"P6 console lines through WatchResourceConsoleLogs: {received} of {lines} received, {gaps} out of order or missing, {ours:0} lines/s while the container wrote them"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"   docker logs of the same container afterwards: {dockerLines} lines at {theirs:0} lines/s (reading what the engine already stored)"));
    return gaps == 0 && received == lines ? 0 : 1;
}

static int DockerLogsLineCount(string id)
{
    using var process = Process.Start(new ProcessStartInfo("docker", ["logs", id]) { RedirectStandardOutput = true })!;
    var count = 0;
    while (process.StandardOutput.ReadLine() is not null)
    {
        count++;
    }

    process.WaitForExit();
    return count;
}

static async Task<int> Clients(int port, string key, int count, int seconds)
{
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var updates = 0L;
    var tasks = Enumerable.Range(0, count).Select(async _ =>
    {
        var client = Client(port, key, out var channel);
        using var __ = channel;
        using var watch = client.WatchResources(new WatchResourcesRequest());
        await watch.ResponseStream.MoveNext(stop.Token);
        var names = watch.ResponseStream.Current.InitialData.Resources.Select(r => r.Name).ToList();
        var logs = names.Select(async name =>
        {
            using var call = client.WatchResourceConsoleLogs(new WatchResourceConsoleLogsRequest { ResourceName = name });
            while (await call.ResponseStream.MoveNext(stop.Token))
            {
                Interlocked.Increment(ref updates);
            }
        });
        var resources = Task.Run(async () =>
        {
            while (await watch.ResponseStream.MoveNext(stop.Token))
            {
                Interlocked.Increment(ref updates);
            }
        });
        try
        {
            await Task.WhenAll([.. logs, resources]);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }
    });
    await Task.WhenAll(tasks);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} clients watched for {seconds} s: {updates} messages received"));
    return 0;
}

/// <summary>No engine: the latency bench moves state by hand.</summary>
internal sealed class NoEngine : IContainerRuntime
{
    public Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<IPAddress?> HostGatewayAsync(CancellationToken cancellationToken) => Task.FromResult<IPAddress?>(null);
    public Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<IReadOnlyList<ContainerInfo>> FindContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ContainerInfo>>([]);
    public Task<ContainerInfo?> FindContainerByNameAsync(string name, CancellationToken cancellationToken) => Task.FromResult<ContainerInfo?>(null);
    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task PullImageAsync(string image, IProgress<PullProgress>? progress, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task WatchEventsAsync(IReadOnlyDictionary<string, string> labels, Action<string> onContainerEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<string> CreateContainerAsync(Servarr.Hosting.Orchestration.Docker.ContainerSpec spec, CancellationToken cancellationToken) => Task.FromResult("id");
    public Task StartContainerAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<long> ExecAsync(string id, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(0L);
    public Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken) => Task.FromResult<ContainerStatus?>(null);
    public Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task FollowLogsAsync(string id, Action<string, bool> onLine, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task WatchStatsAsync(string id, Action<ContainerStats> onSample, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<IReadOnlyList<string>> RemoveNetworksAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
    public Task<IReadOnlyList<string>> FindVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) => Task.CompletedTask;
}
