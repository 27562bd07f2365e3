using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

public class StackTeardownTests
{
    private static FakeContainerRuntime Engine()
    {
        var runtime = new FakeContainerRuntime();
        var ours = new Dictionary<string, string> { [ServarrLabels.App] = "servarr" };
        runtime.Add("plex", new Dictionary<string, string>(ours));
        runtime.Add("sonarr", new Dictionary<string, string>(ours) { [ServarrLabels.Session] = "s1" });
        runtime.Add("unrelated", []);
        runtime.Networks["servarr"] = new Dictionary<string, string>(ours);
        runtime.Volumes["plex-transcode"] = new Dictionary<string, string>(ours);
        runtime.Volumes["someone-elses"] = [];
        return runtime;
    }

    [Fact]
    public async Task DownRemovesEveryContainerAndNetworkOfTheAppButKeepsVolumes()
    {
        var runtime = Engine();

        var removed = await StackTeardown.DownAsync(runtime, "servarr", removeVolumes: false, CancellationToken.None);

        Assert.Equal(["plex", "sonarr"], removed.Containers.Order());
        Assert.Equal(["servarr"], removed.Networks);
        Assert.Empty(removed.Volumes);
        Assert.Equal(["unrelated"], runtime.Containers.Values.Select(c => c.Name));
        Assert.Equal(["plex-transcode", "someone-elses"], runtime.Volumes.Keys.Order());
    }

    [Fact]
    public async Task DownWithVolumesDeletesOnlyTheAppsVolumes()
    {
        var runtime = Engine();

        var removed = await StackTeardown.DownAsync(runtime, "servarr", removeVolumes: true, CancellationToken.None);

        Assert.Equal(["plex-transcode"], removed.Volumes);
        Assert.Equal(["someone-elses"], runtime.Volumes.Keys);
    }
}
