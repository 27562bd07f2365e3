#if SERVARR_REFERENCE_PROTOS
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;
using V13 = Servarr.Tests.Dashboard.Reference.V13;

namespace Servarr.Tests.Docker;

/// <summary>
/// Run mode with the dashboard on the real engine, with a stand-in dashboard image (the real one cannot be pulled
/// here): its settings, 127.0.0.1 ports, host-gateway mapping, the resource service reachable from inside it at its
/// start, and the dashboard's start/stop/restart commands acting on a real container.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class DashboardRunTests
{
    [DockerFact(needsStandIns: true)]
    public async Task TheDashboardIsWiredToTheResourceServiceAndItsCommandsActOnRealContainers()
    {
        DockerEngine.RequireAvailable();
        var sonarr = (await AppHostRunner.BuildDefaultStackAsync("run")).Model.Containers.Single(c => c.Name == "sonarr").GetImage()!;
        StandInStack.BuildImages([sonarr.Reference, "mcr.microsoft.com/dotnet/aspire-dashboard:9.5"]);
        string[] names = ["dashtest-app", DashboardContainer.Name];
        StandInStack.RefuseToTouchForeignContainers(names);
        StandInStack.RemoveContainers(names);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        builder.AddContainer(names[0], $"{sonarr.Registry}/{sonarr.Image}", sonarr.Tag!).WithHttpEndpoint(targetPort: 8989).WithHttpHealthCheck("/ping");

        await using var session = await RunSession.CreateAsync(builder.Build(), new RunSessionOptions { AppName = "dashtest", Dashboard = true }, timeout.Token);
        await session.StartAsync(timeout.Token);
        await session.State.WaitAsync(names[0], s => s.IsHealthy, timeout.Token);
        await session.State.WaitAsync(DashboardContainer.Name, s => s.IsHealthy, timeout.Token);

        var env = StandInStack.Inspect(DashboardContainer.Name, "{{json .Config.Env}}");
        Assert.Contains($"Dashboard__ResourceServiceClient__Url=http://host.docker.internal:{session.ResourceServicePort}", env);
        Assert.Contains("Dashboard__ResourceServiceClient__AuthMode=ApiKey", env);
        Assert.Contains("Dashboard__Frontend__AuthMode=BrowserToken", env);
        Assert.Contains("Dashboard__Otlp__AuthMode=ApiKey", env);
        Assert.Equal("[\"host.docker.internal:host-gateway\"]", StandInStack.Inspect(DashboardContainer.Name, "{{json .HostConfig.ExtraHosts}}"));
        Assert.Equal("127.0.0.1 127.0.0.1", StandInStack.Inspect(DashboardContainer.Name,
            "{{(index (index .HostConfig.PortBindings \"18888/tcp\") 0).HostIp}} {{(index (index .HostConfig.PortBindings \"18889/tcp\") 0).HostIp}}"));
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/login\?t=\w{32,}$", session.DashboardLoginUrl!.ToString());
        var logs = DockerEngine.Run("docker", ["logs", DashboardContainer.Name], TimeSpan.FromSeconds(20)).StandardOutput;
        Assert.Contains("standin dashboard: resource service reachable at http://host.docker.internal:", logs);

        var apiKey = env.Split('"').Single(e => e.StartsWith("Dashboard__ResourceServiceClient__ApiKey=", StringComparison.Ordinal)).Split('=', 2)[1];
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{session.ResourceServicePort}");
        var client = new V13.DashboardService.DashboardServiceClient(channel.Intercept(m =>
        {
            m.Add(ApiKeyInterceptor.Header, apiKey);
            return m;
        }));
        async Task Command(string name) => Assert.Equal(V13.ResourceCommandResponseKind.Succeeded,
            (await client.ExecuteResourceCommandAsync(new V13.ResourceCommandRequest { CommandName = name, ResourceName = names[0], ResourceType = "Container" })).Kind);

        using var watch = client.WatchResources(new V13.WatchResourcesRequest());
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.True(watch.ResponseStream.Current.InitialData.Resources.Single(r => r.Name == DashboardContainer.Name).IsHidden);
        Assert.DoesNotContain(apiKey, watch.ResponseStream.Current.ToString(), StringComparison.Ordinal);

        await Command("resource-stop");
        Assert.Equal("exited", StandInStack.Inspect(names[0], "{{.State.Status}}"));
        await session.State.WaitAsync(names[0], s => s.State == ResourceState.Exited, timeout.Token);
        await Command("resource-start");
        await session.State.WaitAsync(names[0], s => s.IsHealthy, timeout.Token);
        var startedAt = StandInStack.Inspect(names[0], "{{.State.StartedAt}}");
        await Command("restart");
        await session.State.WaitAsync(names[0], s => s.IsHealthy, timeout.Token);
        Assert.NotEqual(startedAt, StandInStack.Inspect(names[0], "{{.State.StartedAt}}"));
    }
}
#endif
