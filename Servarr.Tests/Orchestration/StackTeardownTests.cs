using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Tests.Orchestration;

/// <summary>`down` on a fake engine: one line per removed thing, a failure is one line with the fix and the rest goes on.</summary>
public class StackTeardownTests
{
    private const string App = "servarr-3f9a1c2b";

    private static readonly TeardownScope s_scope = new(App, "aspire-persistent-network-3f9a1c2b-Servarr", new HashSet<string>(),
        new HashSet<string> { "plex-transcode" }, "-Servarr");

    [Fact]
    public async Task EveryRemovalIsReportedAndAFailureNamesTheFixWithoutStoppingTheRest()
    {
        var labels = new Dictionary<string, string> { [ServarrLabels.App] = App, [ServarrLabels.Resource] = "plex" };
        var engine = new FakeEngine(new StackInventory(
            [new("c1", "plex-abcdefgh", labels, ["aspire-session-network-abcdefgh-Servarr"]), new("c2", "stuck-abcdefgh", labels, [])],
            [new("n1", "aspire-session-network-abcdefgh-Servarr", new Dictionary<string, string>())],
            [new("plex-transcode", new Dictionary<string, string> { [ServarrLabels.App] = App })]))
        { Failing = "c2" };
        var lines = new List<string>();

        var result = await StackTeardown.DownAsync(engine, s_scope, removeVolumes: true, lines.Add, CancellationToken.None);

        Assert.Equal(["plex-abcdefgh"], result.Containers);
        Assert.Equal(["aspire-session-network-abcdefgh-Servarr"], result.Networks);
        Assert.Equal(["plex-transcode"], result.Volumes);
        Assert.Equal(["c1", "c2", "n1", "plex-transcode"], engine.Removed.Order(StringComparer.Ordinal));
        Assert.Contains("removed container plex-abcdefgh (plex)", lines);
        Assert.Contains("removed network aspire-session-network-abcdefgh-Servarr", lines);
        Assert.Contains("removed volume plex-transcode", lines);
        var error = Assert.Single(result.Errors);
        Assert.Equal("could not remove container stuck-abcdefgh: device or resource busy — remove it with `docker rm -f stuck-abcdefgh` and run down again", error);
        Assert.Equal($"removed 1 container(s), 1 network(s), 1 volume(s) of '{App}'", result.Summary);
    }

    [Theory]
    [InlineData("com.microsoft.developer.usvc-dev.persistent", "false", "com.microsoft.developer.usvc-dev.creatorProcessId")] // a session container of a live orchestrator
    [InlineData("servarr.vpn.owner-host", null, "servarr.vpn.owner-pid")] // a VPN app of a live AppHost on this machine
    public async Task ARunningStackIsRefusedInOneLineAndNothingIsRemoved(string key, string? value, string pidKey)
    {
        var labels = new Dictionary<string, string> { [ServarrLabels.App] = App, [key] = value ?? Environment.MachineName, [pidKey] = "4711" };
        var engine = new FakeEngine(new StackInventory([new("c1", "sonarr-abcdefgh", labels, [])], [], []));

        var refused = await Assert.ThrowsAsync<ServarrException>(() =>
            StackTeardown.DownAsync(engine, s_scope, removeVolumes: false, _ => { }, CancellationToken.None, pid => pid == 4711));
        var dead = await StackTeardown.DownAsync(engine, s_scope, removeVolumes: false, _ => { }, CancellationToken.None, _ => false);

        Assert.Equal($"the stack '{App}' is running (process 4711); stop its AppHost first (Ctrl+C where `dotnet run` or `aspire run` runs), then run down again. Nothing was removed.", refused.Message);
        Assert.Equal(["sonarr-abcdefgh"], dead.Containers); // once its owner is gone, the leftover goes
    }

    [Fact]
    public void APersistentContainerDoesNotMeanTheStackRuns() =>
        Assert.Null(TeardownPlan.RunningOwner([new("c1", "kopia-abcdefgh", new Dictionary<string, string>
        {
            [TeardownPlan.AspirePersistentLabel] = "true", [TeardownPlan.AspireCreatorProcessLabel] = "4711",
        }, [])], _ => true));

    [Fact]
    public async Task AnEngineThatDoesNotAnswerIsOneLineAndNothingIsRemoved()
    {
        using var engine = new DockerEngine(new Uri("unix:///nonexistent/servarr-test-docker.sock"));

        var exception = await Assert.ThrowsAsync<ServarrException>(() =>
            StackTeardown.DownAsync(engine, s_scope, removeVolumes: false, _ => { }, CancellationToken.None));

        Assert.Equal("Docker engine not reachable at unix:///nonexistent/servarr-test-docker.sock — start Docker or set DOCKER_HOST", exception.Message);
    }

    [Fact]
    public async Task RunModeCreatesTheModelsMissingVolumesLabelledAndNamesTheOnesThatExistWithoutTheLabel()
    {
        var builder = TestSupport.TestAppBuilder.Create(DistributedApplicationOperation.Run);
        builder.AddContainer("plex", "docker.io/plexinc/pms-docker", "1").WithAnnotation(new ServarrMountAnnotation(ReferenceExpression.Create($"plex-transcode"), "/transcode", ContainerMountType.Volume, false));
        builder.AddContainer("kopia", "docker.io/kopia/kopia", "1").WithAnnotation(new ServarrMountAnnotation(ReferenceExpression.Create($"kopia-cache"), "/app/cache", ContainerMountType.Volume, false));
        var model = TestSupport.TestAppBuilder.BuildModel(builder);
        var engine = new FakeEngine(new StackInventory([], [], [new("kopia-cache", new Dictionary<string, string>())]));

        var lines = await StackVolumes.CreateLabelledAsync(model, engine, App, CancellationToken.None);

        Assert.Equal(["plex-transcode"], engine.Created.Select(c => c.Name));
        Assert.Equal(App, engine.Created.Single().Labels[ServarrLabels.App]);
        Assert.Equal($"created 1 volume(s) labelled servarr.app={App}: plex-transcode", lines[0]);
        Assert.StartsWith("volume kopia-cache exists without label servarr.app=", lines[1]);
    }

    private sealed class FakeEngine(StackInventory inventory) : IStackEngine
    {
        public List<string> Removed { get; } = [];

        public List<(string Name, IReadOnlyDictionary<string, string> Labels)> Created { get; } = [];

        public string? Failing { get; init; }

        public Task<StackInventory> InventoryAsync(CancellationToken cancellationToken) => Task.FromResult(inventory);

        public Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) => Remove(id);

        public Task RemoveNetworkAsync(string id, CancellationToken cancellationToken) => Remove(id);

        public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) => Remove(name);

        public Task<EngineVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(inventory.Volumes.FirstOrDefault(v => v.Name == name));

        public Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
        {
            Created.Add((name, labels));
            return Task.CompletedTask;
        }

        private Task Remove(string id)
        {
            lock (Removed)
            {
                Removed.Add(id);
            }

            return id == Failing ? Task.FromException(new ServarrException("device or resource busy")) : Task.CompletedTask;
        }
    }
}
