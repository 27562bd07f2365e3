using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Logs = Servarr.Tests.Otlp.Logs;
using Metrics = Servarr.Tests.Otlp.Metrics;
using Trace = Servarr.Tests.Otlp.Trace;

namespace Servarr.Tests.TestSupport;

/// <summary>A real OTLP/gRPC receiver on 127.0.0.1 that keeps every export request and the API key header it came with.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, int port, Store store) => (_app, Port, Received) = (app, port, store);

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public Store Received { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        var store = new Store();
        builder.Services.AddSingleton(store);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<TraceReceiver>();
        app.MapGrpcService<MetricsReceiver>();
        app.MapGrpcService<LogsReceiver>();
        await app.StartAsync();
        return new OtlpReceiver(app, port, store);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Waits until <paramref name="condition"/> holds for what was received; fails with a summary otherwise.</summary>
    public async Task WaitForAsync(Func<Store, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition(Received) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(Received),
            $"not received within {within}: {Received.Spans.Count} span batches, {Received.Metrics.Count} metric batches, {Received.Logs.Count} log batches");
    }

    internal sealed class Store
    {
        public ConcurrentQueue<Trace.ExportTraceServiceRequest> Spans { get; } = new();
        public ConcurrentQueue<Metrics.ExportMetricsServiceRequest> Metrics { get; } = new();
        public ConcurrentQueue<Logs.ExportLogsServiceRequest> Logs { get; } = new();
        public ConcurrentQueue<string?> ApiKeys { get; } = new();
    }

    private sealed class TraceReceiver(Store store) : Trace.TraceService.TraceServiceBase
    {
        public override Task<Trace.ExportTraceServiceResponse> Export(Trace.ExportTraceServiceRequest request, ServerCallContext context)
        {
            store.ApiKeys.Enqueue(context.RequestHeaders.GetValue("x-otlp-api-key"));
            store.Spans.Enqueue(request);
            return Task.FromResult(new Trace.ExportTraceServiceResponse());
        }
    }

    private sealed class MetricsReceiver(Store store) : Metrics.MetricsService.MetricsServiceBase
    {
        public override Task<Metrics.ExportMetricsServiceResponse> Export(Metrics.ExportMetricsServiceRequest request, ServerCallContext context)
        {
            store.ApiKeys.Enqueue(context.RequestHeaders.GetValue("x-otlp-api-key"));
            store.Metrics.Enqueue(request);
            return Task.FromResult(new Metrics.ExportMetricsServiceResponse());
        }
    }

    private sealed class LogsReceiver(Store store) : Logs.LogsService.LogsServiceBase
    {
        public override Task<Logs.ExportLogsServiceResponse> Export(Logs.ExportLogsServiceRequest request, ServerCallContext context)
        {
            store.ApiKeys.Enqueue(context.RequestHeaders.GetValue("x-otlp-api-key"));
            store.Logs.Enqueue(request);
            return Task.FromResult(new Logs.ExportLogsServiceResponse());
        }
    }
}
