using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting.Dashboard;

/// <summary>
/// Serves <see cref="ResourceDashboardService"/> over HTTP/2 cleartext (what the dashboard's gRPC client speaks to an
/// <c>http://</c> URL) on one port of the given addresses: loopback, and the Docker bridge's gateway so the dashboard
/// container reaches it as <c>host.docker.internal</c> — never every interface.
/// </summary>
public sealed class ResourceServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResourceServiceHost(WebApplication app, int port) => (_app, Port) = (app, port);

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The AppHost's logger: to the dashboard over OTLP when telemetry is on, else nowhere.</summary>
    public ILogger Logger => _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Servarr.AppHost");

    /// <summary>
    /// Starts serving; returns once it listens. With <paramref name="telemetry"/>, the host is also the AppHost's
    /// telemetry: <c>AddServiceDefaults()</c> (Servarr.ServiceDefaults) with the OTLP endpoint and key set, plus the
    /// orchestration spans, as service <paramref name="serviceName"/>.
    /// </summary>
    public static async Task<ResourceServiceHost> StartAsync(ResourceDashboardService service, string apiKey, IReadOnlyList<IPAddress> addresses, int port,
        CancellationToken cancellationToken, OtlpTarget? telemetry = null, string serviceName = "servarr")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(addresses);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (telemetry is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Endpoint.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
                ["OTEL_EXPORTER_OTLP_HEADERS"] = telemetry.Headers,
                ["OTEL_SERVICE_NAME"] = serviceName,
                ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={serviceName}",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            });
            builder.AddServiceDefaults();
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(OrchestrationTelemetry.SourceName));
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in addresses.Distinct())
            {
                kestrel.Listen(address, port, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });
        builder.Services.AddSingleton(service);
        builder.Services.AddGrpc(options => options.Interceptors.Add<ApiKeyInterceptor>(apiKey));
        var app = builder.Build();
        app.MapGrpcService<ResourceDashboardService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ResourceServiceHost(app, port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
