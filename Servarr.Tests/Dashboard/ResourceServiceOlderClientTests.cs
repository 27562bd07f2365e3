#if SERVARR_REFERENCE_PROTOS
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;
using V8 = Servarr.Tests.Dashboard.Reference.V8;
using V9 = Servarr.Tests.Dashboard.Reference.V9;

namespace Servarr.Tests.Dashboard;

/// <summary>
/// Clients generated from the 8.2.2 and 9.3.0 contracts (older field names, same numbers) read our resources,
/// changes and logs, and their command requests (<c>command_type</c>, then <c>command_name</c>) act.
/// </summary>
public class ResourceServiceOlderClientTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A93DashboardSeesResourcesUrlsChangesLogsAndItsCommandsWork()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V9.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;
        using var timeout = new CancellationTokenSource(s_timeout);

        using var call = client.WatchResources(new V9.WatchResourcesRequest());
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var app = call.ResponseStream.Current.InitialData.Resources.Single(r => r.Name == "app");
        Assert.Equal(("Container", "Running"), (app.ResourceType, app.State));
        Assert.Contains(app.Urls, u => u.EndpointName == "http" && u.FullUrl == "http://127.0.0.1:48080" && u.DisplayProperties is not null);
        Assert.Equal([("db", "Reference"), ("db", "WaitFor")], app.Relationships.Select(r => (r.ResourceName, r.Type)));
        Assert.Contains(app.Commands, c => c.Name == "resource-stop");

        var stop = await client.ExecuteResourceCommandAsync(new V9.ResourceCommandRequest { CommandName = "resource-stop", ResourceName = "app", ResourceType = "Container" });
        Assert.Equal(V9.ResourceCommandResponseKind.Succeeded, stop.Kind);
        V9.Resource? upsert = null;
        while (upsert is null && await call.ResponseStream.MoveNext(timeout.Token))
        {
            upsert = call.ResponseStream.Current.Changes?.Value.Select(c => c.Upsert).FirstOrDefault(r => r?.Name == "app" && r.State == "Exited");
        }

        Assert.NotNull(upsert);
        await ResourceServiceV13Tests.WaitForLinesAsync(host, "db", 1);
        using var logs = client.WatchResourceConsoleLogs(new V9.WatchResourceConsoleLogsRequest { ResourceName = "db", SuppressFollow = true });
        Assert.True(await logs.ResponseStream.MoveNext(timeout.Token));
        Assert.EndsWith(" hello from db", logs.ResponseStream.Current.LogLines[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An822DashboardSeesResourcesAndItsCommandTypeRequestsWork()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V8.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;
        using var timeout = new CancellationTokenSource(s_timeout);

        Assert.Equal("servarr", (await client.GetApplicationInformationAsync(new V8.ApplicationInformationRequest())).ApplicationName);
        using var call = client.WatchResources(new V8.WatchResourcesRequest());
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var resources = call.ResponseStream.Current.InitialData.Resources;
        Assert.Equal(["db", "app"], resources.Select(r => r.Name));
        var app = resources[1];
        Assert.Contains(app.Urls, u => u.Name == "http" && u.FullUrl == "http://127.0.0.1:48080");
        Assert.Contains(app.Commands, c => c.CommandType == "resource-stop");
        Assert.Equal("success", app.StateStyle);

        var stop = await client.ExecuteResourceCommandAsync(new V8.ResourceCommandRequest { CommandType = "resource-stop", ResourceName = "app", ResourceType = "Container" });
        Assert.Equal(V8.ResourceCommandResponseKind.Succeeded, stop.Kind);
        await host.Orchestrator.State.WaitAsync("app", s => s.State == ResourceState.Exited, timeout.Token);
        Assert.Contains("stop app", host.Runtime.Calls);
    }
}
#else
namespace Servarr.Tests.Dashboard;

/// <summary>The compatibility tests need the dashboard's reference contracts beside the repository.</summary>
public class ResourceServiceOlderClientTests
{
    [Fact]
    public void TheReferenceProtosArePresent() =>
        Assert.Fail("../shared/proto (the dashboard's reference contracts) is missing beside the repository; the resource-service compatibility tests were not compiled");
}
#endif
