using Servarr.Hosting;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary><c>restore</c>'s steps on a fake engine: order, the app started again whatever happens, nothing touched on a refusal.</summary>
public class RestoreRunnerTests
{
    private const string Listed = """[{"id":"kold1","source":{"path":"/data/sonarr"},"startTime":"2026-05-01T03:00:00Z"},{"id":"knew2","source":{"path":"/data/sonarr"},"startTime":"2026-05-02T03:00:00Z"}]""";

    [Fact]
    public async Task TheAppIsStoppedRestoredFromTheLatestSnapshotAndStartedAgain()
    {
        var (runtime, output) = Engine();

        var restored = await RestoreRunner.RunAsync(runtime, RestorePlanTests.Plan(), null, null, output, CancellationToken.None);

        Assert.Equal("knew2", restored.Id);
        Assert.Equal(["one-off kopia-restore-sonarr: exec kopia snapshot list /data/sonarr --json", "stop sonarr",
            "one-off kopia-restore-sonarr: kopia restore knew2 /data/sonarr && chown -R 1000:1001 /data/sonarr", "start sonarr"], runtime.Calls);
        Assert.Equal("running", runtime.ByName("sonarr").Status);
        Assert.Contains("restored 'sonarr' from knew2 of 2026-05-02 03:00 +00:00 into /srv/cfg/sonarr, owned by 1000:1001; 'sonarr' was started again", output.ToString());
    }

    [Fact]
    public async Task AFailedRestoreStartsTheAppAgainAndSaysSo()
    {
        var (runtime, output) = Engine();
        runtime.OneOffResult = c => c.Command[^1].StartsWith("kopia restore", StringComparison.Ordinal)
            ? new OneOffResult(1, "", "ERROR unable to write: no space left on device\n")
            : new OneOffResult(0, Listed, "");

        var error = await Assert.ThrowsAsync<ServarrException>(() =>
            RestoreRunner.RunAsync(runtime, RestorePlanTests.Plan(), "kold1", null, output, CancellationToken.None));

        Assert.Equal("restore of 'sonarr' from kold1 failed (ERROR unable to write: no space left on device); 'sonarr' was started again; /srv/cfg/sonarr may be partly restored: run the restore again", error.Message);
        Assert.Equal("running", runtime.ByName("sonarr").Status);
        Assert.Equal("start sonarr", runtime.Calls.Last());
    }

    [Fact]
    public async Task RefusalsBeforeTheRestoreLeaveTheAppAlone()
    {
        var (runtime, output) = Engine();
        var tooEarly = await Assert.ThrowsAsync<ServarrException>(() =>
            RestoreRunner.RunAsync(runtime, RestorePlanTests.Plan(), null, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), output, CancellationToken.None));
        Assert.Contains("pass a later --at", tooEarly.Message);

        runtime.OneOffResult = _ => new OneOffResult(1, "", "ERROR error connecting to repository: repository not initialized\n");
        var notConnected = await Assert.ThrowsAsync<ServarrException>(() =>
            RestoreRunner.RunAsync(runtime, RestorePlanTests.Plan(), null, null, output, CancellationToken.None));
        Assert.Contains("listing snapshots failed (ERROR error connecting to repository: repository not initialized); start the stack once", notConnected.Message);

        runtime.PresentImages.Clear();
        var noImage = await Assert.ThrowsAsync<ServarrException>(() =>
            RestoreRunner.RunAsync(runtime, RestorePlanTests.Plan(), null, null, output, CancellationToken.None));
        Assert.Contains("image docker.io/kopia/kopia:0.23.1 is not on this machine", noImage.Message);

        Assert.DoesNotContain(runtime.Calls, c => c.StartsWith("stop", StringComparison.Ordinal));
        Assert.Equal("running", runtime.ByName("sonarr").Status);
    }

    [Fact]
    public async Task AnAppThatIsNotRunningIsRestoredAndLeftStopped()
    {
        var (runtime, output) = Engine(appStatus: "exited");

        await RestoreRunner.RunAsync(runtime, RestorePlanTests.Plan(), null, null, output, CancellationToken.None);

        Assert.DoesNotContain(runtime.Calls, c => c.StartsWith("st", StringComparison.Ordinal));
        Assert.Equal(2, runtime.OneOffs.Count);
        Assert.DoesNotContain("started again", output.ToString());
    }

    private static (FakeContainerRuntime Runtime, StringWriter Output) Engine(string appStatus = "running")
    {
        var runtime = new FakeContainerRuntime { OneOffResult = _ => new OneOffResult(0, Listed, "") };
        runtime.PresentImages.Add("docker.io/kopia/kopia:0.23.1");
        runtime.Add("sonarr", new Dictionary<string, string>(), appStatus);
        return (runtime, new StringWriter());
    }
}
