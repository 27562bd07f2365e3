#if SERVARR_REFERENCE_PROTOS
using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;
using V13 = Servarr.Tests.Dashboard.Reference.V13;

namespace Servarr.Tests.Dashboard;

/// <summary>
/// A missing parameter asked for in the dashboard, through a client generated from the dashboard's 13.x contract: an
/// inputs dialog with secret input for secrets; the value entered is saved to user-secrets and the waiting resources
/// start without restarting the AppHost; the dialog is then closed.
/// </summary>
public sealed class ParameterInteractionTests : IAsyncDisposable
{
    private const string ApiKey = "interaction-test-key";
    private const string Canary = "canary-vpn-key-2718";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _temp = new();
    private readonly FakeContainerRuntime _runtime = new() { HealthOnStart = _ => null };
    private readonly ApplicationOrchestrator _orchestrator;
    private DashboardResources? _resources;
    private ResourceServiceHost? _host;

    public ParameterInteractionTests() =>
        _orchestrator = new ApplicationOrchestrator(_runtime, new RunState()) { PollInterval = TimeSpan.FromMilliseconds(20) };

    private UserSecretsStore Store => new(_temp.Combine("secrets.json"));

    private async Task<V13.DashboardService.DashboardServiceClient> StartAsync()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var key = builder.AddParameter("vpn-key", secret: true, description: "WireGuard private key");
        var region = builder.AddParameter("vpn-region", description: "Server region");
        var vpn = builder.AddContainer("vpn", "docker.io/library/vpn", "1.0").WithEnvironment("KEY", key).WithEnvironment("REGION", region)
            .WithHttpEndpoint(targetPort: 8000);
        builder.AddContainer("torrent", "docker.io/library/torrent", "1.0").WithVpn(vpn).WithHttpEndpoint(targetPort: 8080);
        builder.AddContainer("plex", "docker.io/library/plex", "1.0");
        var model = builder.Build().Model;
        _runtime.PresentImages.UnionWith(model.Containers.Select(c => c.GetImage()!.Reference));
        var run = new RunContext("servarr", "s1", new ParameterValues(builder.Configuration, builder.ExecutionContext, Store), "/tmp");
        _resources = new DashboardResources(model, _orchestrator.State, run);
        var service = new ResourceDashboardService(_resources, _orchestrator.Logs, _orchestrator, "servarr");
        _host = await ResourceServiceHost.StartAsync(service, ApiKey, [IPAddress.Loopback], DevelopmentPorts.AnyFreePort([]), CancellationToken.None);
        await _orchestrator.StartAsync(model, run, PullPolicy.Missing, CancellationToken.None);
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_host.Port}");
        return new V13.DashboardService.DashboardServiceClient(channel.Intercept(m =>
        {
            m.Add(ApiKeyInterceptor.Header, ApiKey);
            return m;
        }));
    }

    [Fact]
    public async Task AValueEnteredInTheDialogIsSavedAndStartsTheWaitingResources()
    {
        var client = await StartAsync();
        await _orchestrator.State.WaitAsync("plex", s => s.State == ResourceState.Running, new CancellationTokenSource(s_timeout).Token);
        using var call = client.WatchInteractions();
        using var timeout = new CancellationTokenSource(s_timeout);

        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var dialog = call.ResponseStream.Current;
        Assert.Equal(V13.WatchInteractionsResponseUpdate.KindOneofCase.InputsDialog, dialog.KindCase);
        Assert.Equal("Missing parameters", dialog.Title);
        var inputs = dialog.InputsDialog.InputItems;
        Assert.Equal([("vpn-key", V13.InputType.SecretText), ("vpn-region", V13.InputType.Text)], inputs.Select(i => (i.Name, i.InputType)));
        Assert.Contains("Waiting: vpn.", inputs[0].Description, StringComparison.Ordinal);
        Assert.Equal(ResourceState.Waiting, _orchestrator.State.Get("torrent").State);

        var answer = new V13.InteractionInputsDialog();
        answer.InputItems.Add(new V13.InteractionInput { Name = "vpn-key", Label = "vpn-key", Value = Canary });
        answer.InputItems.Add(new V13.InteractionInput { Name = "vpn-region", Label = "vpn-region", Value = "nl" });
        await call.RequestStream.WriteAsync(new V13.WatchInteractionsRequestUpdate { InteractionId = dialog.InteractionId, InputsDialog = answer }, timeout.Token);

        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal((dialog.InteractionId, V13.WatchInteractionsResponseUpdate.KindOneofCase.Complete),
            (call.ResponseStream.Current.InteractionId, call.ResponseStream.Current.KindCase));
        await _orchestrator.State.WaitAsync("torrent", s => s.State == ResourceState.Running, timeout.Token);
        Assert.Equal((Canary, "nl"), (Store.Get("Parameters:vpn-key"), Store.Get("Parameters:vpn-region")));
        Assert.Contains($"KEY={Canary}", _runtime.CreatedEnv("vpn"));

        using var watch = client.WatchResources(new V13.WatchResourcesRequest());
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.DoesNotContain(Canary, watch.ResponseStream.Current.ToString(), StringComparison.Ordinal);
        await call.RequestStream.CompleteAsync();
    }

    [Fact]
    public async Task AnEditInProgressIsNotAnAnswerAndADismissedDialogChangesNothing()
    {
        var client = await StartAsync();
        using var call = client.WatchInteractions();
        using var timeout = new CancellationTokenSource(s_timeout);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var id = call.ResponseStream.Current.InteractionId;

        var typing = new V13.InteractionInputsDialog();
        typing.InputItems.Add(new V13.InteractionInput { Name = "vpn-key", Value = "half" });
        await call.RequestStream.WriteAsync(new V13.WatchInteractionsRequestUpdate { InteractionId = id, InputsDialog = typing, ResponseUpdate = true }, timeout.Token);
        await call.RequestStream.WriteAsync(new V13.WatchInteractionsRequestUpdate { InteractionId = id, Complete = new V13.InteractionComplete() }, timeout.Token);

        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(V13.WatchInteractionsResponseUpdate.KindOneofCase.Complete, call.ResponseStream.Current.KindCase);
        Assert.Null(Store.Get("Parameters:vpn-key"));
        Assert.Equal(ResourceState.Waiting, _orchestrator.State.Get("vpn").State);
        Assert.DoesNotContain("create vpn", _runtime.Calls);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(timeout.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _orchestrator.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _resources?.Dispose();
        _temp.Dispose();
    }
}
#endif
