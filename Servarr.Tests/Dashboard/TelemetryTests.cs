using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Dashboard;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Dashboard;

/// <summary>
/// The AppHost's telemetry: a span per resource with one child per start step, container metrics under the
/// resource's own service name, and — over a real OTLP/gRPC connection with the API key — spans, metrics and
/// structured logs, none carrying a secret.
/// </summary>
public class TelemetryTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EachResourceGetsASpanWithAChildPerStepAndAFailedStartIsAnError()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(OrchestrationTelemetry.SourceName).AddInMemoryExporter(spans).Build();
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, new Dictionary<string, string?> { ["Parameters:traced-secret"] = DashboardTestHost.Secret });
        var secret = builder.AddParameter("traced-secret", secret: true);
        var db = builder.AddContainer("traced-db", "docker.io/library/db", "1.0").WithEnvironment("PASSWORD", secret).WithContainerHealthCheck(["true"]);
        builder.AddContainer("traced-app", "docker.io/library/app", "1.0").WaitFor(db);
        builder.AddContainer("traced-broken", "docker.io/library/broken", "1.0");
        var model = builder.Build().Model;
        var runtime = new FakeContainerRuntime();
        runtime.PresentImages.UnionWith(["docker.io/library/db:1.0", "docker.io/library/app:1.0"]);
        runtime.FailingPulls.Add("docker.io/library/broken:1.0");
        await using (var orchestrator = new ApplicationOrchestrator(runtime, new RunState()) { PollInterval = TimeSpan.FromMilliseconds(20) })
        {
            await orchestrator.StartAsync(model, new RunContext("servarr", "s1", builder.Values(), "/tmp"), PullPolicy.Missing, CancellationToken.None);
            await orchestrator.State.WaitAsync("traced-app", s => s.IsHealthy, new CancellationTokenSource(s_timeout).Token);
            await orchestrator.State.WaitAsync("traced-broken", s => s.IsTerminal, new CancellationTokenSource(s_timeout).Token);
            var deadline = DateTime.UtcNow + s_timeout;
            while (!Snapshot(spans).Any(s => s.DisplayName == "start traced-app") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        var ours = Snapshot(spans).Where(s => ((string?)s.GetTagItem(OrchestrationTelemetry.ResourceTag))?.StartsWith("traced-", StringComparison.Ordinal) == true).ToList();
        var root = Assert.Single(ours, s => s.DisplayName == "start traced-app");
        var children = ours.Where(s => s.ParentSpanId == root.SpanId).Select(s => s.DisplayName).ToList();
        Assert.Equal(["wait-dependencies", "create", "start", "wait-healthy"], children);
        Assert.Equal("docker.io/library/app:1.0", root.GetTagItem("container.image.name"));
        Assert.True(ours.Single(s => s.DisplayName == "wait-dependencies" && s.ParentSpanId == root.SpanId).Duration > TimeSpan.Zero);
        var broken = Assert.Single(ours, s => s.DisplayName == "start traced-broken");
        Assert.Equal(ActivityStatusCode.Error, broken.Status);
        Assert.Contains("manifest unknown", broken.StatusDescription, StringComparison.Ordinal);
        Assert.Contains(ours, s => s.DisplayName == "pull" && s.ParentSpanId == broken.SpanId);
        Assert.DoesNotContain(ours.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(DashboardTestHost.Secret, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ContainerMetricsAreExportedUnderTheResourcesOwnServiceName()
    {
        var exported = new ConcurrentDictionary<string, List<Metric>>();
        var providers = new ConcurrentDictionary<string, MeterProvider>();
        await using var host = await DashboardTestHost.StartAsync();
        await using var telemetry = new DashboardTelemetry(host.Runtime, host.Orchestrator.State, resource => providers[resource] = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(resource, serviceInstanceId: resource))
            .AddMeter(ContainerMetrics.MeterName(resource))
            .AddInMemoryExporter(exported.GetOrAdd(resource, _ => []))
            .Build());
        host.Runtime.ByName("app").Restarts = 2;
        host.Runtime.RaiseEvent(host.Runtime.ByName("app").Id);

        var deadline = DateTime.UtcNow + s_timeout;
        while ((!providers.ContainsKey("app") || Values(exported, "app", "container.restarts").LastOrDefault() != 2) && DateTime.UtcNow < deadline)
        {
            providers.GetValueOrDefault("app")?.ForceFlush();
            await Task.Delay(50);
        }

        Assert.Equal(12.5, Values(exported, "app", "container.cpu.usage").Last());
        Assert.Equal(64_000_000, Values(exported, "app", "container.memory.usage").Last());
        Assert.Equal(1000, Values(exported, "app", "container.network.received").Last());
        Assert.Equal(2000, Values(exported, "app", "container.network.sent").Last());
        Assert.Equal(2, Values(exported, "app", "container.restarts").Last());
    }

    [Fact]
    public async Task ARealOtlpReceiverGetsSpansMetricsAndLogsWithTheApiKeyAndNoSecrets()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var target = new OtlpTarget(receiver.Endpoint, "otlp-test-key");
        await using var host = await DashboardTestHost.StartAsync(target, (_, state, service) => state.Changed += new StateChangeLog(service.Logger).Write);
        await using var telemetry = DashboardTelemetry.ToOtlp(host.Runtime, host.Orchestrator.State, target);
        host.Orchestrator.State.Set(host.Orchestrator.State.Get("app") with { Reason = "nudge" });

        await receiver.WaitForAsync(r => r.Spans.SelectMany(Spans).Any(s => s.Name == "start app")
            && r.Metrics.Any(m => m.ResourceMetrics.Any(rm => Attribute(rm.Resource.Attributes, "service.name") == "app"))
            && r.Logs.SelectMany(l => l.ResourceLogs).SelectMany(l => l.ScopeLogs).SelectMany(s => s.LogRecords).Any(l => l.Attributes.Any(a => a.Key == "Resource")),
            TimeSpan.FromSeconds(30));

        Assert.All(receiver.Received.ApiKeys, k => Assert.Equal("otlp-test-key", k));
        var apphost = receiver.Received.Spans.SelectMany(s => s.ResourceSpans).First(rs => rs.ScopeSpans.SelectMany(s => s.Spans).Any(s => s.Name == "start app"));
        Assert.Equal("servarr", Attribute(apphost.Resource.Attributes, "service.name"));
        var metrics = receiver.Received.Metrics.SelectMany(m => m.ResourceMetrics).First(rm => Attribute(rm.Resource.Attributes, "service.name") == "app");
        Assert.Equal("app", Attribute(metrics.Resource.Attributes, "service.instance.id"));
        Assert.Contains(metrics.ScopeMetrics.SelectMany(s => s.Metrics), m => m.Name == "container.memory.usage");
        var everything = string.Concat(receiver.Received.Spans.Select(s => s.ToString()).Concat(receiver.Received.Logs.Select(l => l.ToString()))
            .Concat(receiver.Received.Metrics.Select(m => m.ToString())));
        Assert.DoesNotContain(DashboardTestHost.Secret, everything, StringComparison.Ordinal);
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static List<double> Values(ConcurrentDictionary<string, List<Metric>> exported, string resource, string name)
    {
        var values = new List<double>();
        lock (exported.GetOrAdd(resource, _ => []))
        {
            foreach (var metric in exported[resource].Where(m => m.Name == name))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    values.Add(metric.MetricType switch
                    {
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                        _ => point.GetSumLong(),
                    });
                }
            }
        }

        return values;
    }

    private static IEnumerable<Otlp.Trace.Span> Spans(Otlp.Trace.ExportTraceServiceRequest request) =>
        request.ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans);

    private static string? Attribute(IEnumerable<Otlp.Common.KeyValue> attributes, string key) => attributes.FirstOrDefault(a => a.Key == key)?.Value.StringValue;
}
