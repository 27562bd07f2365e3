using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

public class StartPlanTests
{
    [Fact]
    public async Task DefaultStackStartsGluetunFirstAndEveryoneAfterWhatTheyWaitFor()
    {
        var app = await AppHostRunner.BuildDefaultStackAsync();

        var plan = StartPlan.Create(app.Model);
        var wave = plan.Waves.SelectMany((w, i) => w.Select(c => (c.Name, i))).ToDictionary(x => x.Name, x => x.i);

        Assert.Equal(0, wave["gluetun"]);
        Assert.Equal(0, wave["plex"]);
        Assert.True(wave["qbittorrent"] > wave["gluetun"]);
        Assert.True(wave["sonarr"] > wave["qbittorrent"]);
        Assert.True(wave["cloudflared"] > wave["seerr"]);
        foreach (var container in plan.Containers)
        {
            Assert.All(plan.PrerequisitesOf(container), p => Assert.True(wave[p.Resource.Name] < wave[container.Name], $"{container.Name} after {p.Resource.Name}"));
        }
    }

    [Fact]
    public async Task PrerequisitesKeepTheStrongestConditionPerResource()
    {
        var app = await AppHostRunner.BuildDefaultStackAsync();
        var plan = StartPlan.Create(app.Model);
        StartPrerequisite Edge(string from, string to) =>
            plan.PrerequisitesOf(app.Model.Containers.Single(c => c.Name == from)).Single(p => p.Resource.Name == to);

        Assert.Equal(StartCondition.Healthy, Edge("sonarr", "qbittorrent").Condition);
        Assert.Equal(StartCondition.Healthy, Edge("qbittorrent", "gluetun").Condition);
        Assert.Equal(StartCondition.Running, Edge("seerr", "sonarr").Condition);
        Assert.Equal(StartCondition.Healthy, Edge("seerr", "plex").Condition);
    }

    [Fact]
    public void CompletionWaitsAndContainersWithoutHealthChecksAreWaitedForRunning()
    {
        var builder = TestAppBuilder.Create();
        var job = builder.AddContainer("migrate", "docker.io/library/job", "1.0").WithRestartPolicy(RestartPolicy.No);
        var plain = builder.AddContainer("plain", "docker.io/library/plain", "1.0");
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WaitForCompletion(job, exitCode: 3).WaitFor(plain);

        var plan = StartPlan.Create(builder.Build().Model);

        Assert.Equal(
            [new StartPrerequisite(job.Resource, StartCondition.Completed, 3), new StartPrerequisite(plain.Resource, StartCondition.Running)],
            plan.PrerequisitesOf(app.Resource));
        Assert.Equal([["migrate", "plain"], ["app"]], plan.Waves.Select(w => w.Select(c => c.Name).ToArray()).ToArray());
    }
}
