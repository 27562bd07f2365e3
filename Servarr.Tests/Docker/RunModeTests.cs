using System.Globalization;
using System.Text.Json;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// `dotnet run` of the real Program.cs on the real engine with stand-in images: the stack comes up healthy in
/// dependency order, only Plex's port is on every interface (the others on 127.0.0.1), the VPN apps live in
/// gluetun's namespace, config folders get their owner, and Ctrl+C removes every session container.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class RunModeTests
{
    [DockerFact(needsStandIns: true)]
    public async Task RunStartsTheStackInOrderAndCtrlCRemovesIt()
    {
        DockerEngine.RequireAvailable();
        var model = (await AppHostRunner.BuildDefaultStackAsync("run")).Model;
        var names = StandInStack.Prepare(model);
        using var temp = new TempDirectory();
        var configuration = StackParameters.ForRun(temp);
        using var ctrlC = new CancellationTokenSource();

        var running = AppHostRunner.RunAsync(["run", "--pull", "never", "--logs"], configuration, cancellation: ctrlC.Token);
        try
        {
            await StandInStack.WaitUntilHealthyAsync(names, () => running.IsCompleted ? running.Result.Output + running.Result.Error : "");

            AssertPortsAreLoopbackExceptPlex(names);
            Assert.Equal($"container:{StandInStack.Inspect("gluetun", "{{.Id}}")}", StandInStack.Inspect("sonarr", "{{.HostConfig.NetworkMode}}"));
            AssertStartOrderFollowsThePlan(model);
            Assert.Equal("1000:1000", DockerEngine.Run("stat", ["-c", "%u:%g", temp.Combine("config", "seerr")], TimeSpan.FromSeconds(10)).StandardOutput.Trim());
            Assert.All(names, n => Assert.NotEmpty(StandInStack.Inspect(n, $"{{{{index .Config.Labels \"{ServarrLabels.Session}\"}}}}")));
        }
        finally
        {
            await ctrlC.CancelAsync();
            var result = await running.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("sonarr         Running (healthy)", result.Output);
            Assert.Contains("[sonarr] standin sonarr listening", result.Output);
        }

        var left = DockerEngine.Run("docker", ["ps", "-a", "-q", "--filter", $"label={ServarrLabels.App}=servarr"], TimeSpan.FromSeconds(20));
        Assert.Equal("", left.StandardOutput.Trim());
    }

    private static void AssertPortsAreLoopbackExceptPlex(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            using var bindings = JsonDocument.Parse(StandInStack.Inspect(name, "{{json .HostConfig.PortBindings}}") is { Length: > 0 } json && json != "null" ? json : "{}");
            foreach (var port in bindings.RootElement.EnumerateObject())
            {
                var hostIp = port.Value[0].GetProperty("HostIp").GetString();
                if (name == "plex" && port.Name == "32400/tcp")
                {
                    Assert.Equal(("", "32400"), (hostIp, port.Value[0].GetProperty("HostPort").GetString()));
                }
                else
                {
                    Assert.True(hostIp == "127.0.0.1", $"{name} {port.Name} is published on '{hostIp}', not 127.0.0.1");
                }
            }
        }
    }

    private static void AssertStartOrderFollowsThePlan(DistributedApplicationModel model)
    {
        var plan = StartPlan.Create(model);
        DateTimeOffset Started(string name) => DateTimeOffset.Parse(StandInStack.Inspect(name, "{{.State.StartedAt}}"), CultureInfo.InvariantCulture);
        foreach (var container in plan.Containers)
        {
            foreach (var prerequisite in plan.PrerequisitesOf(container))
            {
                Assert.True(Started(container.Name) >= Started(prerequisite.Resource.Name),
                    $"{container.Name} started before {prerequisite.Resource.Name}, which it waits for");
            }
        }
    }
}
