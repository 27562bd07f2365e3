using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// Failures on the real engine: a pull that fails marks only that resource FailedToStart with the engine's reason,
/// and a dependency that keeps crashing fails its waiters at once with the reason, while the rest of the stack runs.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class RunFailureTests
{
    [DockerFact(needsStandIns: true)]
    public async Task AFailedPullAndACrashingDependencyFailWithTheirReasonAndTheRestRuns()
    {
        DockerEngine.RequireAvailable();
        var sonarr = (await AppHostRunner.BuildDefaultStackAsync("run")).Model.Containers.Single(c => c.Name == "sonarr").GetImage()!;
        StandInStack.BuildImages([sonarr.Reference]);
        var (image, tag) = ($"{sonarr.Registry}/{sonarr.Image}", sonarr.Tag!);
        string[] names = ["failures-unpullable", "failures-crasher", "failures-waiter", "failures-fine"];
        StandInStack.RefuseToTouchForeignContainers(names);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        builder.AddContainer(names[0], "localhost:9/servarr/unpullable", "1.0");
        var crasher = builder.AddContainer(names[1], image, tag).WithEntrypoint("/bin/sh").WithArgs("-c", "echo boom; exit 3")
            .WithContainerHealthCheck(["true"]);
        builder.AddContainer(names[2], image, tag).WaitFor(crasher);
        builder.AddContainer(names[3], image, tag).WithHttpEndpoint(targetPort: 8989).WithHttpHealthCheck("/ping");
        var app = builder.Build();

        await using var session = await RunSession.CreateAsync(app, new RunSessionOptions { AppName = "failures", RandomHostPorts = true }, timeout.Token);
        await session.StartAsync(timeout.Token);

        var unpullable = await session.State.WaitAsync(names[0], s => s.IsTerminal, timeout.Token);
        var waiter = await session.State.WaitAsync(names[2], s => s.IsTerminal, timeout.Token);
        await session.State.WaitAsync(names[3], s => s.IsHealthy, timeout.Token);

        Assert.Equal(ResourceState.FailedToStart, unpullable.State);
        Assert.Equal("pull of localhost:9/servarr/unpullable:1.0 failed: Get \"http://localhost:9/v2/\": dial tcp 127.0.0.1:9: connect: connection refused",
            unpullable.Reason);
        Assert.Equal(ResourceState.FailedToStart, waiter.State);
        Assert.Matches(@"^dependency 'failures-crasher' keeps crashing \(\d+ restarts\)", waiter.Reason);
        Assert.Contains("exit code 3", waiter.Reason);
        Assert.Null(waiter.ContainerId);
    }
}
