using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Servarr.Tests.TestSupport;

/// <summary>A Kestrel server on 127.0.0.1 at a free port running one request handler: the host of the apps' API fakes.</summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _host;

    private FakeHttpServer(WebApplication host, Uri baseAddress)
    {
        _host = host;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    public static async Task<FakeHttpServer> StartAsync(RequestDelegate handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();
        host.Run(handler);
        await host.StartAsync(cancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeHttpServer(host, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Writes <paramref name="body"/> as JSON with <paramref name="status"/>.</summary>
    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
    }
}
