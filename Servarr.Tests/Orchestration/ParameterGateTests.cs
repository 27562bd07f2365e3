using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>
/// Resources wait for their parameters (on an in-memory engine): the one that lacks a value and what must wait for it
/// are held with the command that sets it, a mere reference does not hold an app back, optional features are off, and a
/// value given while the stack runs starts what waited.
/// </summary>
public class ParameterGateTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private sealed record Stack(ApplicationOrchestrator Orchestrator, FakeContainerRuntime Runtime, DistributedApplicationModel Model, ParameterResource Key);

    private static async Task<Stack> StartAsync()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var key = builder.AddParameter("vpn-key", secret: true, description: "The VPN key");
        var token = builder.AddParameter("tunnel-token", secret: true);
        var smtp = builder.AddParameter("smtp-host", defaultValue: "");
        var vpn = builder.AddContainer("vpn", "docker.io/library/vpn", "1.0").WithEnvironment("KEY", key).WithHttpEndpoint(targetPort: 8000);
        var torrent = builder.AddContainer("torrent", "docker.io/library/torrent", "1.0").WithVpn(vpn).WithHttpEndpoint(targetPort: 8080);
        builder.AddContainer("requests", "docker.io/library/requests", "1.0").WithReference(torrent);
        builder.AddContainer("monitor", "docker.io/library/monitor", "1.0").WaitFor(torrent);
        builder.AddContainer("tunnel", "docker.io/library/tunnel", "1.0").WithEnvironment("TOKEN", token)
            .WithAnnotation(new OptionalFeatureAnnotation("the tunnel"));
        builder.AddContainer("stats", "docker.io/library/stats", "1.0").WithEnvironment("SMTP_HOST", smtp)
            .WithAnnotation(new OptionalFeatureAnnotation("newsletters", smtp.Resource));
        var model = builder.Build().Model;
        var runtime = new FakeContainerRuntime { HealthOnStart = _ => null };
        model.Containers.Select(c => c.GetImage()!.Reference).ToList().ForEach(i => runtime.PresentImages.Add(i));
        var orchestrator = new ApplicationOrchestrator(runtime, new RunState()) { PollInterval = TimeSpan.FromMilliseconds(20) };
        await orchestrator.StartAsync(model, new RunContext("servarr", "s1", builder.Values(), "/tmp"), PullPolicy.Missing, CancellationToken.None);
        return new Stack(orchestrator, runtime, model, key.Resource);
    }

    private static Task<ResourceSnapshot> Until(ApplicationOrchestrator orchestrator, string name, Func<ResourceSnapshot, bool> predicate) =>
        orchestrator.State.WaitAsync(name, predicate, new CancellationTokenSource(s_timeout).Token);

    [Fact]
    public async Task WhatLacksAValueWaitsWithTheCommandAndEverythingElseStarts()
    {
        var stack = await StartAsync();
        await using var orchestrator = stack.Orchestrator;

        await Until(orchestrator, "requests", s => s.State == ResourceState.Running);
        await Until(orchestrator, "stats", s => s.State == ResourceState.Running);
        var vpn = await Until(orchestrator, "vpn", s => s.State == ResourceState.Waiting);
        var torrent = await Until(orchestrator, "torrent", s => s.Reason?.Contains("which needs", StringComparison.Ordinal) == true);
        var monitor = await Until(orchestrator, "monitor", s => s.Reason?.Contains("which needs", StringComparison.Ordinal) == true);
        var tunnel = await Until(orchestrator, "tunnel", s => s.Reason is not null);

        Assert.Equal("needs parameter `vpn-key`: dotnet user-secrets set Parameters:vpn-key <value> --project Servarr.AppHost (or env Parameters__vpn-key=<value>)", vpn.Reason);
        Assert.Equal((ResourceState.Waiting, "waiting for vpn (Running), which needs parameter `vpn-key`"), (torrent.State, torrent.Reason));
        Assert.Equal("waiting for torrent (Running), which needs parameter `vpn-key`", monitor.Reason);
        Assert.Equal(ResourceState.NotStarted, tunnel.State);
        Assert.StartsWith("off (the tunnel): needs `tunnel-token`; to turn it on: dotnet user-secrets set Parameters:tunnel-token <value>", tunnel.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(stack.Runtime.Calls, c => c is "create vpn" or "create torrent" or "create monitor" or "create tunnel");
        Assert.DoesNotContain(orchestrator.State.All, s => s.State == ResourceState.FailedToStart);

        var gate = orchestrator.Gate!;
        Assert.Equal("off: newsletters (needs `smtp-host`)", ParameterSummary.FeatureNote(stack.Model.Containers.Single(c => c.Name == "stats"), gate));
        Assert.Equal([("vpn-key", "vpn"), ("tunnel-token", "tunnel")], gate.Missing().Select(m => (m.Parameter.Name, string.Join(",", m.Resources))));
    }

    [Fact]
    public async Task AValueGivenWhileRunningStartsWhatWaitedInOrder()
    {
        var stack = await StartAsync();
        await using var orchestrator = stack.Orchestrator;
        await Until(orchestrator, "monitor", s => s.Reason?.Contains("which needs", StringComparison.Ordinal) == true);

        orchestrator.Gate!.Provide(stack.Key, "a-key");

        await Until(orchestrator, "monitor", s => s.State == ResourceState.Running);
        var calls = stack.Runtime.Calls.ToList();
        Assert.True(calls.IndexOf("start vpn") < calls.IndexOf("create torrent"), string.Join(", ", calls));
        Assert.True(calls.IndexOf("start torrent") < calls.IndexOf("create monitor"), string.Join(", ", calls));
        Assert.Equal(ResourceState.NotStarted, orchestrator.State.Get("tunnel").State); // still off: its own value is missing
        Assert.Empty(orchestrator.Gate.ParkedOn(stack.Model.Containers.Single(c => c.Name == "monitor")));
    }

    [Fact]
    public void AReferenceIsASoftPrerequisiteAndWaitForOrTheVpnAreHard()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var vpn = builder.AddContainer("vpn", "docker.io/library/vpn", "1.0").WithHttpEndpoint(targetPort: 8000);
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WithVpn(vpn).WithHttpEndpoint(targetPort: 8080);
        var both = builder.AddContainer("both", "docker.io/library/both", "1.0").WithReference(app).WaitFor(app);
        builder.AddContainer("viewer", "docker.io/library/viewer", "1.0").WithReference(app);
        var plan = StartPlan.Create(builder.Build().Model);

        StartPrerequisite Edge(string from) => plan.PrerequisitesOf(plan.Containers.Single(c => c.Name == from)).Single();
        Assert.False(Edge("app").Soft);
        Assert.False(Edge("both").Soft);
        Assert.True(Edge("viewer").Soft);
        Assert.Equal(StartCondition.Running, Edge("viewer").Condition);
        _ = both;
    }
}
