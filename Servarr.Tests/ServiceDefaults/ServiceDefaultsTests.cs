using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using OpenTelemetry.Trace;
using ServiceDefaultsExtensions = Microsoft.Extensions.Hosting.Extensions;

namespace Servarr.Tests.ServiceDefaults;

public class ServiceDefaultsTests
{
    // Not an assembly name, so no test host, sampler or listener elsewhere uses an ActivitySource of this name.
    private const string AppName = "Servarr.ServiceDefaults.Sample";

    // Hides an OTEL_EXPORTER_OTLP_ENDPOINT the machine may have, so only a test's own settings turn on the exporter.
    private static readonly KeyValuePair<string, string?>[] s_noAmbientOtlpEndpoint = [new(ServiceDefaultsExtensions.OtlpEndpointKey, "")];

    [Fact]
    public async Task HealthAndAliveAnswerHealthyInDevelopment()
    {
        await using var app = await StartWebAppAsync(Environments.Development);
        using var client = app.GetTestClient();

        foreach (var path in new[] { "/health", "/alive" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AliveRunsOnlyLiveChecksWhileHealthRunsThemAll()
    {
        var sonarrChecks = 0;
        await using var app = await StartWebAppAsync(Environments.Development, configure: builder =>
            builder.Services.AddHealthChecks().AddCheck("sonarr", () =>
            {
                Interlocked.Increment(ref sonarrChecks);
                return HealthCheckResult.Unhealthy("sonarr is down");
            }, ["ready"]));
        using var client = app.GetTestClient();

        using var alive = await client.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(0, sonarrChecks);

        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(1, sonarrChecks);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("false", HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task OutsideDevelopmentTheEndpointsNeedTheOptIn(string? optIn, HttpStatusCode expected)
    {
        await using var app = await StartWebAppAsync(Environments.Production,
            new() { [ServiceDefaultsExtensions.MapHealthEndpointsKey] = optIn });
        using var client = app.GetTestClient();

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");

        Assert.Equal(expected, health.StatusCode);
        Assert.Equal(expected, alive.StatusCode);
    }

    [Fact]
    public async Task AddServiceDefaultsRegistersAHealthyLivenessCheck()
    {
        using var host = BuildHost(new());

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains(ServiceDefaultsExtensions.LiveTag));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["self"], report.Entries.Keys);
    }

    [Fact]
    public void WithoutAnOtlpEndpointNothingIsExported()
    {
        var collector = new StubHandler(_ => HttpStatusCode.OK);

        ExportOneSpan(otlpEndpoint: "", collector);

        Assert.Empty(collector.Requests);
    }

    [Fact]
    public void WithAnOtlpEndpointSpansAreSentToIt()
    {
        var collector = new StubHandler(_ => HttpStatusCode.OK);

        ExportOneSpan(otlpEndpoint: "http://collector.test:4318", collector);

        Assert.Contains("http://collector.test:4318/v1/traces", collector.Requests);
    }

    [Fact]
    public async Task HttpClientsRetryTransientFailuresAndResolveServiceNames()
    {
        var sonarr = new StubHandler(attempt => attempt == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        using var host = BuildHost(new() { ["Services:sonarr:http:0"] = "http://localhost:8989" }, builder =>
        {
            builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => sonarr));
            builder.Services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.Zero);
        });
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("sonarr");

        using var response = await client.GetAsync("http://sonarr/api/v3/system/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["http://localhost:8989/api/v3/system/status", "http://localhost:8989/api/v3/system/status"], sonarr.Requests);
    }

    [Fact]
    public void TheResilienceHandlerWrapsServiceDiscoveryInEveryClient()
    {
        using var host = BuildHost(new());
        var factory = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        foreach (var name in new[] { "", "sonarr" })
        {
            var chain = HandlerChain(factory.CreateHandler(name));
            var resilience = chain.FindIndex(handler => handler is ResilienceHandler);
            var discovery = chain.FindIndex(handler =>
                handler.GetType().Namespace?.StartsWith("Microsoft.Extensions.ServiceDiscovery", StringComparison.Ordinal) == true);

            Assert.True(resilience >= 0, $"no ResilienceHandler in '{name}': {string.Join(" > ", chain.Select(h => h.GetType().Name))}");
            Assert.True(discovery > resilience, $"service discovery should run inside resilience in '{name}'");
        }
    }

    [Fact]
    public void ActivitiesOfTheApplicationSourceAreExported()
    {
        var exported = new ExportedActivities();
        using var host = BuildHost(new(), builder =>
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(exported)));
        _ = host.Services.GetRequiredService<TracerProvider>();

        using (var mine = new ActivitySource(AppName))
        using (var other = new ActivitySource(AppName + ".Other"))
        {
            mine.StartActivity("seed-sonarr")?.Dispose();
            other.StartActivity("not-ours")?.Dispose();
        }

        // Contains rather than Equal: the provider also listens to HttpClient and ASP.NET Core, which other tests use.
        var names = exported.Snapshot().Select(a => a.DisplayName).ToArray();
        Assert.Contains("seed-sonarr", names);
        Assert.DoesNotContain("not-ours", names);
    }

    [Fact]
    public async Task RequestsToTheHealthEndpointsAreNotTraced()
    {
        var exported = new ExportedActivities();
        await using var app = await StartWebAppAsync(Environments.Development, configure: builder =>
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(exported)),
            map: app => app.MapGet("/hello", () => "hi"));
        using var client = app.GetTestClient();

        foreach (var path in new[] { "/health", "/alive", "/hello" })
        {
            (await client.GetAsync(path)).Dispose();
        }

        var paths = await WaitForServerSpansAsync(exported, until: "/hello");
        Assert.Contains("/hello", paths);
        Assert.DoesNotContain("/health", paths);
        Assert.DoesNotContain("/alive", paths);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = AppName,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(s_noAmbientOtlpEndpoint);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static async Task<WebApplication> StartWebAppAsync(string environment, Dictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = AppName,
            EnvironmentName = environment,
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(s_noAmbientOtlpEndpoint);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddServiceDefaults();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        await app.StartAsync();
        return app;
    }

    // Starts a host whose every HttpClient (the OTLP exporter's too) ends in collector, records one span of the
    // application's source and flushes the tracer, so an OTLP exporter, if registered, has sent it.
    private static void ExportOneSpan(string otlpEndpoint, StubHandler collector)
    {
        var settings = new Dictionary<string, string?>
        {
            [ServiceDefaultsExtensions.OtlpEndpointKey] = otlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        using var host = BuildHost(settings, builder =>
            builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => collector)));
        var tracerProvider = host.Services.GetRequiredService<TracerProvider>();

        using (var source = new ActivitySource(AppName))
        {
            source.StartActivity("seed-sonarr")?.Dispose();
        }

        Assert.True(tracerProvider.ForceFlush(10_000));
    }

    // A server span ends just after the test client has the response, so give the last one a moment to arrive.
    private static async Task<string[]> WaitForServerSpansAsync(ExportedActivities exported, string until)
    {
        string[] paths = [];
        for (var attempt = 0; attempt < 500 && !paths.Contains(until); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 20);
            paths = [.. exported.Snapshot()
                .Where(a => a.Kind == ActivityKind.Server)
                .Select(a => a.GetTagItem("url.path") as string ?? a.DisplayName)];
        }

        return paths;
    }

    private static List<HttpMessageHandler> HandlerChain(HttpMessageHandler outer)
    {
        var chain = new List<HttpMessageHandler> { outer };
        while (chain[^1] is DelegatingHandler { InnerHandler: { } inner })
        {
            chain.Add(inner);
        }

        return chain;
    }

    /// <summary>Answers every request with the status <c>respond(attempt)</c> gives and records the request URIs.</summary>
    private sealed class StubHandler(Func<int, HttpStatusCode> respond) : HttpMessageHandler
    {
        private readonly List<string> _requests = [];

        public string[] Requests
        {
            get { lock (_requests) { return [.. _requests]; } }
        }

        // The OTLP exporter sends synchronously, so both paths must work.
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int attempt;
            lock (_requests)
            {
                _requests.Add(request.RequestUri!.ToString());
                attempt = _requests.Count;
            }

            return new HttpResponseMessage(respond(attempt)) { RequestMessage = request };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    /// <summary>The in-memory exporter's target; spans end on server threads while the test reads.</summary>
    private sealed class ExportedActivities : Collection<Activity>
    {
        public Activity[] Snapshot()
        {
            lock (Items) { return [.. Items]; }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items) { base.InsertItem(index, item); }
        }
    }
}
