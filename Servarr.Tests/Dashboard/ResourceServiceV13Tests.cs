#if SERVARR_REFERENCE_PROTOS
using System.Diagnostics;
using Grpc.Core;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;
using V13 = Servarr.Tests.Dashboard.Reference.V13;

namespace Servarr.Tests.Dashboard;

/// <summary>
/// A client generated from the dashboard's current contract (13.x, ../shared/proto/dashboard_service.proto) against
/// our resource service: every field the dashboard renders, changes as upserts, console logs, commands, API key.
/// </summary>
public class ResourceServiceV13Tests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task InitialDataListsEveryResourceWithWhatTheDashboardShows()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V13.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;

        Assert.Equal("servarr", (await client.GetApplicationInformationAsync(new V13.ApplicationInformationRequest())).ApplicationName);
        using var call = client.WatchResources(new V13.WatchResourcesRequest());
        Assert.True(await call.ResponseStream.MoveNext(new CancellationTokenSource(s_timeout).Token));
        var initial = call.ResponseStream.Current.InitialData;

        Assert.Equal(["db", "app"], initial.Resources.Select(r => r.Name));
        Assert.Equal("Container", Assert.Single(initial.ResourceTypes).UniqueName);
        var (db, app) = (initial.Resources[0], initial.Resources[1]);
        Assert.Equal(("Container", "app", "Running", "success"), (app.ResourceType, app.DisplayName, app.State, app.StateStyle));
        Assert.NotNull(app.CreatedAt);
        Assert.NotNull(app.StartedAt);
        Assert.Contains(db.Environment, e => e.Name == "DB_MODE" && e.Value == "fast");
        Assert.False(Assert.Single(db.Environment, e => e.Name == "DB_PASSWORD").HasValue);
        Assert.DoesNotContain(DashboardTestHost.Secret, initial.ToString(), StringComparison.Ordinal);
        Assert.All(initial.Resources.SelectMany(r => r.Urls), u => Assert.NotNull(u.DisplayProperties));
        Assert.Contains(app.Urls, u => u.FullUrl == "http://127.0.0.1:48080" && !u.IsInternal && u.EndpointName == "http");
        Assert.Contains(app.Urls, u => u.FullUrl == "http://app:8080" && u.IsInternal);
        Assert.Equal("docker.io/library/app:1.0", app.Properties.Single(p => p.Name == "container.image").Value.StringValue);
        Assert.Equal(host.Runtime.ByName("app").Id, app.Properties.Single(p => p.Name == "container.id").Value.StringValue);
        Assert.Equal("8080", Assert.Single(app.Properties.Single(p => p.Name == "container.ports").Value.ListValue.Values).StringValue);
        Assert.Equal([("db", "Reference"), ("db", "WaitFor")], app.Relationships.Select(r => (r.ResourceName, r.Type)));
        Assert.Equal(V13.HealthStatus.Healthy, Assert.Single(db.HealthReports).Status);
        Assert.Equal(("db-data", "/data", "volume"), (Assert.Single(db.Volumes).Source, db.Volumes[0].Target, db.Volumes[0].MountType));
        Assert.Equal(V13.ResourceCommandState.Enabled, app.Commands.Single(c => c.Name == "resource-stop").State);
        Assert.Equal(V13.ResourceCommandState.Hidden, app.Commands.Single(c => c.Name == "resource-start").State);
    }

    [Fact]
    public async Task AStateChangeArrivesAsAnUpsertWithin500Milliseconds()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V13.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;
        using var call = client.WatchResources(new V13.WatchResourcesRequest());
        using var timeout = new CancellationTokenSource(s_timeout);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));

        var container = host.Runtime.ByName("app");
        var clock = Stopwatch.StartNew();
        container.ExitCode = 1;
        container.Status = "exited";
        host.Runtime.RaiseEvent(container.Id);
        V13.Resource? upsert = null;
        while (upsert is null && await call.ResponseStream.MoveNext(timeout.Token))
        {
            upsert = call.ResponseStream.Current.Changes?.Value.Select(c => c.Upsert).FirstOrDefault(r => r?.Name == "app" && r.State == "Exited");
        }

        Assert.NotNull(upsert);
        Assert.True(clock.ElapsedMilliseconds < 500, $"the upsert took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(1, upsert.Properties.Single(p => p.Name == "resource.exitCode").Value.NumberValue);
        Assert.Equal(V13.ResourceCommandState.Enabled, upsert.Commands.Single(c => c.Name == "resource-start").State);
    }

    [Fact]
    public async Task ConsoleLogsCarryTimestampsAndFollowNewLines()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V13.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;
        await WaitForLinesAsync(host, "app", 2);
        using var timeout = new CancellationTokenSource(s_timeout);

        using var call = client.WatchResourceConsoleLogs(new V13.WatchResourceConsoleLogsRequest { ResourceName = "app" });
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var kept = call.ResponseStream.Current.LogLines;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z hello from app$", kept[0].Text);
        Assert.Equal((1, false), (kept[0].LineNumber, kept[0].IsStdErr));
        Assert.True(kept[1].IsStdErr);

        host.Orchestrator.Logs.Append("app", "a later line", isError: false);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var followed = Assert.Single(call.ResponseStream.Current.LogLines);
        Assert.EndsWith(" a later line", followed.Text, StringComparison.Ordinal);
        Assert.Equal(3, followed.LineNumber);

        using var once = client.WatchResourceConsoleLogs(new V13.WatchResourceConsoleLogsRequest { ResourceName = "app", SuppressFollow = true });
        var lines = new List<string>();
        while (await once.ResponseStream.MoveNext(timeout.Token))
        {
            lines.AddRange(once.ResponseStream.Current.LogLines.Select(l => l.Text));
        }

        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task StartStopAndRestartActOnTheContainer()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V13.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;
        using var timeout = new CancellationTokenSource(s_timeout);
        async Task<V13.ResourceCommandResponseKind> Run(string command) =>
            (await client.ExecuteResourceCommandAsync(new V13.ResourceCommandRequest { CommandName = command, ResourceName = "app", ResourceType = "Container" })).Kind;

        Assert.Equal(V13.ResourceCommandResponseKind.Succeeded, await Run("resource-stop"));
        await host.Orchestrator.State.WaitAsync("app", s => s.State == ResourceState.Exited, timeout.Token);
        Assert.Equal(V13.ResourceCommandResponseKind.Succeeded, await Run("resource-start"));
        await host.Orchestrator.State.WaitAsync("app", s => s.State == ResourceState.Running, timeout.Token);
        Assert.Equal(V13.ResourceCommandResponseKind.Succeeded, await Run("restart"));
        Assert.Equal(["stop app", "start app", "stop app", "start app"], host.Runtime.Calls.Where(c => c is "stop app" or "start app").Skip(1));

        var unknown = await client.ExecuteResourceCommandAsync(new V13.ResourceCommandRequest { CommandName = "rebuild", ResourceName = "app" });
        Assert.Equal(V13.ResourceCommandResponseKind.Failed, unknown.Kind);
        Assert.Contains("unknown command 'rebuild'", unknown.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task ACallWithoutTheRightApiKeyIsUnauthenticated(string? apiKey)
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V13.DashboardService.DashboardServiceClient(host.Connect(out var channel, apiKey));
        using var _ = channel;

        var unary = await Assert.ThrowsAsync<RpcException>(async () => await client.GetApplicationInformationAsync(new V13.ApplicationInformationRequest()));
        using var call = client.WatchResources(new V13.WatchResourcesRequest());
        var streaming = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, unary.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, streaming.StatusCode);
    }

    [Fact]
    public async Task TheInteractionsStreamStaysOpenUntilTheDashboardLeaves()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var client = new V13.DashboardService.DashboardServiceClient(host.Connect(out var channel));
        using var _ = channel;

        using var call = client.WatchInteractions();
        var next = call.ResponseStream.MoveNext(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(next.IsCompleted);

        await call.RequestStream.CompleteAsync();
        Assert.False(await next.WaitAsync(s_timeout));
    }

    internal static async Task WaitForLinesAsync(DashboardTestHost host, string resource, int count)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (host.Orchestrator.Logs.Lines(resource).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
#endif
