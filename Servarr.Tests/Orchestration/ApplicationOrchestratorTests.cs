using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>The orchestrator against an in-memory engine: order, failures, adoption, cleanup.</summary>
public class ApplicationOrchestratorTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private static (IDistributedApplicationBuilder Builder, FakeContainerRuntime Runtime) Setup()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var runtime = new FakeContainerRuntime();
        return (builder, runtime);
    }

    private static async Task<ApplicationOrchestrator> StartAsync(IDistributedApplicationBuilder builder, FakeContainerRuntime runtime, string session = "s1")
    {
        var model = builder.Build().Model;
        foreach (var image in model.Containers.Select(c => c.GetImage()!.Reference))
        {
            runtime.PresentImages.Add(image);
        }

        var orchestrator = new ApplicationOrchestrator(runtime, new RunState()) { PollInterval = TimeSpan.FromMilliseconds(20) };
        var run = new RunContext("servarr", session, builder.Values(), "/tmp");
        await orchestrator.StartAsync(model, run, PullPolicy.Missing, CancellationToken.None);
        return orchestrator;
    }

    private static Task<ResourceSnapshot> Until(ApplicationOrchestrator orchestrator, string name, Func<ResourceSnapshot, bool> predicate) =>
        orchestrator.State.WaitAsync(name, predicate, new CancellationTokenSource(s_timeout).Token);

    [Fact]
    public async Task DependentsStartOnlyAfterTheirDependencyIsHealthy()
    {
        var (builder, runtime) = Setup();
        var db = builder.AddContainer("db", "docker.io/library/db", "1.0").WithContainerHealthCheck(["true"]);
        builder.AddContainer("app", "docker.io/library/app", "1.0").WaitFor(db);
        runtime.HealthOnStart = name => name == "db" ? "starting" : null;
        runtime.ExecExitCode = (_, _) => 1; // the health command fails until Docker says otherwise

        await using var orchestrator = await StartAsync(builder, runtime);
        await Until(orchestrator, "db", s => s.State == ResourceState.Starting && s.ContainerId is not null);
        await Task.Delay(200);
        Assert.DoesNotContain("create app", runtime.Calls);

        runtime.ByName("db").Health = "healthy";
        await Until(orchestrator, "app", s => s.State == ResourceState.Running);
        var calls = runtime.Calls.ToList();
        Assert.True(calls.IndexOf("start db") < calls.IndexOf("create app"));
    }

    [Fact]
    public async Task AFailingPullFailsThatResourceWithTheReasonAndTheRestStarts()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("broken", "docker.io/library/broken", "1.0");
        builder.AddContainer("fine", "docker.io/library/fine", "1.0");
        runtime.HealthOnStart = _ => null;

        var model = builder.Build().Model;
        runtime.PresentImages.Add("docker.io/library/fine:1.0");
        runtime.FailingPulls.Add("docker.io/library/broken:1.0");
        await using var orchestrator = new ApplicationOrchestrator(runtime, new RunState()) { PollInterval = TimeSpan.FromMilliseconds(20) };
        await orchestrator.StartAsync(model, new RunContext("servarr", "s1", builder.Values(), "/tmp"), PullPolicy.Missing, CancellationToken.None);

        var broken = await Until(orchestrator, "broken", s => s.IsTerminal);
        await Until(orchestrator, "fine", s => s.State == ResourceState.Running);
        Assert.Equal(ResourceState.FailedToStart, broken.State);
        Assert.Equal("pull of docker.io/library/broken:1.0 failed: manifest unknown", broken.Reason);
    }

    [Fact]
    public async Task ADependencyThatExitsFailsItsWaitersFastWithTheReason()
    {
        var (builder, runtime) = Setup();
        var db = builder.AddContainer("db", "docker.io/library/db", "1.0").WithContainerHealthCheck(["true"]);
        builder.AddContainer("app", "docker.io/library/app", "1.0").WaitFor(db);
        runtime.HealthOnStart = _ => "starting";
        runtime.ExecExitCode = (_, _) => 1;

        await using var orchestrator = await StartAsync(builder, runtime);
        await Until(orchestrator, "db", s => s.ContainerId is not null);
        var container = runtime.ByName("db");
        container.ExitCode = 3;
        container.Status = "exited";

        var app = await Until(orchestrator, "app", s => s.IsTerminal);
        Assert.Equal(ResourceState.FailedToStart, app.State);
        Assert.Equal("dependency 'db' is Exited: exit code 3", app.Reason);
    }

    [Fact]
    public async Task PersistentContainersAreAdoptedWhileTheirSpecIsUnchangedAndSessionOnesAreRemovedOnStop()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("plex", "docker.io/plexinc/pms-docker", "1.0").WithLifetime(ContainerLifetime.Persistent);
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        runtime.HealthOnStart = _ => null;

        var first = await StartAsync(builder, runtime, "s1");
        await Until(first, "plex", s => s.State == ResourceState.Running);
        await Until(first, "app", s => s.State == ResourceState.Running);
        var plexId = runtime.ByName("plex").Id;
        await first.StopAsync(CancellationToken.None);
        Assert.Equal(["plex"], runtime.Containers.Values.Select(c => c.Name));

        var (again, againRuntime) = (await StartAsync(builder, runtime, "s2"), runtime);
        await Until(again, "plex", s => s.State == ResourceState.Running);
        Assert.Equal(plexId, againRuntime.ByName("plex").Id);
        Assert.Equal(1, runtime.Calls.Count(c => c == "create plex"));
        await again.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ConsoleOutputIsKeptPerResourceAndRaised()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        runtime.HealthOnStart = _ => null;
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();

        await using var orchestrator = await StartAsync(builder, runtime);
        orchestrator.LogLine += (name, line, isError) => seen.Enqueue($"{name}:{line}:{isError}");
        await Until(orchestrator, "app", s => s.State == ResourceState.Running);
        var deadline = DateTime.UtcNow + s_timeout;
        while (orchestrator.Logs.Lines("app").Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(["hello from app", "a warning"], orchestrator.Logs.Lines("app").Select(l => l.Text));
        Assert.True(orchestrator.Logs.Lines("app")[1].IsError);
    }

    [Fact]
    public void TheLogBufferKeepsOnlyTheNewestLines()
    {
        var buffer = new ResourceLogBuffer(capacityPerResource: 3);

        for (var i = 1; i <= 5; i++)
        {
            buffer.Append("app", $"line {i}", isError: false);
        }

        Assert.Equal(["line 3", "line 4", "line 5"], buffer.Lines("app").Select(l => l.Text));
        Assert.Empty(buffer.Lines("other"));
    }

    [Fact]
    public async Task ContainersOfAnEarlierKilledSessionAreSweptFirst()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        runtime.Add("leftover", new Dictionary<string, string> { [ServarrLabels.App] = "servarr", [ServarrLabels.Session] = "old" });
        runtime.Add("someone-else", new Dictionary<string, string> { [ServarrLabels.App] = "other", [ServarrLabels.Session] = "old" });

        await using var orchestrator = await StartAsync(builder, runtime, "new");

        Assert.Contains("remove leftover", runtime.Calls);
        Assert.Contains(runtime.Containers.Values, c => c.Name == "someone-else");
    }

    [Fact]
    public async Task AContainerWithTheSameNameThatIsNotOursIsNeverTouched()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("plex", "docker.io/plexinc/pms-docker", "1.0");
        var theirs = runtime.Add("plex", []);

        await using var orchestrator = await StartAsync(builder, runtime);

        var plex = await Until(orchestrator, "plex", s => s.IsTerminal);
        Assert.Equal("a container named 'plex' exists and is not part of this app; remove or rename it (docker rm -f plex)", plex.Reason);
        Assert.True(runtime.Containers.ContainsKey(theirs.Id));
    }

    [Fact]
    public async Task AnEngineEventIsSeenAtOnceAndAHealthyContainerIsCheckedOnlyNowAndThen()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        runtime.HealthOnStart = _ => null;
        var model = builder.Build().Model;
        runtime.PresentImages.Add("docker.io/library/app:1.0");
        await using var orchestrator = new ApplicationOrchestrator(runtime, new RunState())
        {
            PollInterval = TimeSpan.FromMilliseconds(100),
            SteadyInterval = TimeSpan.FromHours(1),
        };
        await orchestrator.StartAsync(model, new RunContext("servarr", "s1", builder.Values(), "/tmp"), PullPolicy.Missing, CancellationToken.None);
        await Until(orchestrator, "app", s => s.State == ResourceState.Running);

        var before = runtime.Inspections;
        await Task.Delay(600);
        Assert.Equal(before, runtime.Inspections);

        var app = runtime.ByName("app");
        app.ExitCode = 137;
        app.Status = "exited";
        runtime.RaiseEvent(app.Id);
        var exited = await orchestrator.State.WaitAsync("app", s => s.IsTerminal, new CancellationTokenSource(TimeSpan.FromSeconds(3)).Token);
        Assert.Equal("exit code 137", exited.Reason);
    }

    [Fact]
    public async Task PullProgressShowsAsTheReasonWhileStarting()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        runtime.HealthOnStart = _ => null;
        var model = builder.Build().Model;
        var state = new RunState();
        var reasons = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        state.Changed += s => reasons.Enqueue(s.Reason);
        await using var orchestrator = new ApplicationOrchestrator(runtime, state) { PollInterval = TimeSpan.FromMilliseconds(20) };

        await orchestrator.StartAsync(model, new RunContext("servarr", "s1", builder.Values(), "/tmp"), PullPolicy.Missing, CancellationToken.None);
        await Until(orchestrator, "app", s => s.State == ResourceState.Running);

        Assert.Contains("pulling docker.io/library/app:1.0 — 0/1 layers, 5.0 of 10.0 MB", reasons);
    }

    [Fact]
    public async Task AHealthCommandIsRunByTheAppHostUntilDockersFirstCheckAnswers()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("watchtower", "docker.io/library/watchtower", "1.0").WithContainerHealthCheck(["/watchtower", "--health-check"]);
        runtime.HealthOnStart = _ => "starting";
        var healthyNow = false;
        runtime.ExecExitCode = (_, _) => Volatile.Read(ref healthyNow) ? 0 : 1;

        await using var orchestrator = await StartAsync(builder, runtime);
        await Until(orchestrator, "watchtower", s => s.ContainerId is not null && s.Health == "starting");
        Volatile.Write(ref healthyNow, true);
        var running = await Until(orchestrator, "watchtower", s => s.IsHealthy);

        Assert.Equal("healthy", running.Health);
        Assert.All(runtime.Execs, e => Assert.Equal("watchtower: /watchtower --health-check", e));
        Assert.True(runtime.Execs.Count >= 2);
        var execs = runtime.Execs.Count;
        runtime.ByName("watchtower").Health = "healthy";
        runtime.RaiseEvent(runtime.ByName("watchtower").Id);
        await Task.Delay(300);
        Assert.InRange(runtime.Execs.Count, execs, execs + 1);
    }

    [Fact]
    public async Task AFailedEngineCallDoesNotStopFollowingTheStack()
    {
        var (builder, runtime) = Setup();
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        runtime.HealthOnStart = _ => null;
        runtime.FailingInspections = 3;

        await using var orchestrator = await StartAsync(builder, runtime);

        await Until(orchestrator, "app", s => s.State == ResourceState.Running);
        Assert.True(runtime.Inspections > 3);
        await orchestrator.StopAsync(CancellationToken.None);
        Assert.Contains("remove app", runtime.Calls);
    }
}
