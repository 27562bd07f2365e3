using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Servarr.Tests.TestSupport.UptimeKuma;

/// <summary>
/// A stand-in for Uptime Kuma's Socket.IO server (louislam/uptime-kuma @ 2.5.3, socket.io ~4.8.3), on Kestrel at
/// 127.0.0.1: Engine.IO 4 over a WebSocket only (<c>/socket.io/?EIO=4&amp;transport=websocket</c>), the connect handshake,
/// pings, and the two events of the first-run page as server/server.js has them — <c>needSetup</c> (ack: true while no
/// user exists) and <c>setup</c> (username, password; ack <c>{ ok, msg, msgi18n }</c>), refusing a "Too weak" password and a
/// second setup with Kuma's own messages.
/// </summary>
public sealed class FakeUptimeKuma : IAsyncDisposable
{
    /// <summary>server/server.js's message when a user exists.</summary>
    public const string AlreadyInitialized = "Uptime Kuma has been initialized. If you want to run setup again, please delete the database.";

    private readonly WebApplication _host;
    private readonly List<string> _events = [];
    private readonly Lock _lock = new();

    private FakeUptimeKuma(WebApplication host, Uri baseAddress)
    {
        _host = host;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the fake listens, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The users, once set up.</summary>
    public IReadOnlyList<(string Username, string Password)> Users { get { lock (_lock) { return [.. _users]; } } }

    private readonly List<(string Username, string Password)> _users = [];

    /// <summary>Every event a client sent, by name (<c>needSetup</c>, <c>setup</c>), in order.</summary>
    public IReadOnlyList<string> Events { get { lock (_lock) { return [.. _events]; } } }

    /// <summary>Starts a fake Uptime Kuma without users (its first-run page open).</summary>
    public static async Task<FakeUptimeKuma> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();
        host.UseWebSockets();
        FakeUptimeKuma? fake = null;
        host.Run(context => fake!.HandleAsync(context));
        await host.StartAsync(cancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake = new FakeUptimeKuma(host, new Uri(address.TrimEnd('/') + "/"));
        return fake;
    }

    /// <summary>Adds a user as if someone had used the first-run page.</summary>
    public void AddUser(string username, string password)
    {
        lock (_lock)
        {
            _users.Add((username, password));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        Trace($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        if (context.Request.Path != "/socket.io/" || query["transport"] != "websocket" || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { code = 0, message = "Transport unknown" });
            return;
        }

        if (query["EIO"] != "4")
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { code = 5, message = "Unsupported protocol version" });
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var cancellationToken = context.RequestAborted;
        await SendAsync(socket, "0{\"sid\":\"" + Guid.NewGuid().ToString("N") + "\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}", cancellationToken);
        while (socket.State == WebSocketState.Open && await ReceiveAsync(socket, cancellationToken) is { } packet)
        {
            if (packet == "2")
            {
                await SendAsync(socket, "3", cancellationToken);
            }
            else if (packet.StartsWith("40", StringComparison.Ordinal))
            {
                await SendAsync(socket, "40{\"sid\":\"" + Guid.NewGuid().ToString("N") + "\"}", cancellationToken);
                // io.on("connection"): sendInfo, then "setup" while no user exists
                await SendAsync(socket, "42[\"info\",{\"version\":\"2.5.3\",\"primaryBaseURL\":null}]", cancellationToken);
                if (Users.Count == 0)
                {
                    await SendAsync(socket, "42[\"setup\"]", cancellationToken);
                }

                await SendAsync(socket, "2", cancellationToken); // a heartbeat the client must answer with 3
            }
            else if (packet.StartsWith("42", StringComparison.Ordinal) && OnEvent(packet[2..]) is { } ack)
            {
                await SendAsync(socket, ack, cancellationToken);
            }
            else if (packet == "41")
            {
                break;
            }
        }

        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
    }

    /// <summary>Answers <c>&lt;id&gt;["event", ...args]</c> with <c>43&lt;id&gt;[answer]</c>, or null for an event without an ack.</summary>
    private string? OnEvent(string body)
    {
        var digits = body.TakeWhile(char.IsAsciiDigit).Count();
        var id = body[..digits];
        var arguments = JsonNode.Parse(body[digits..])!.AsArray();
        var name = (string)arguments[0]!;
        lock (_lock)
        {
            _events.Add(name);
        }

        if (id.Length == 0)
        {
            return null; // socket.io calls a handler's callback only when the client asked for an ack
        }

        JsonNode? answer = name switch
        {
            "needSetup" => Users.Count == 0,
            "setup" => Setup(arguments),
            _ => null,
        };
        return answer is null ? null : $"43{id}[{answer.ToJsonString()}]";
    }

    private JsonObject Setup(JsonArray arguments)
    {
        if (arguments.Count != 3 || arguments[1]?.GetValueKind() != JsonValueKind.String || arguments[2]?.GetValueKind() != JsonValueKind.String)
        {
            // setup(username, password, callback): anything else is not the first-run page's call
            return new JsonObject { ["ok"] = false, ["msg"] = "Cannot read properties of undefined", ["msgi18n"] = false };
        }

        var (username, password) = ((string)arguments[1]!, (string)arguments[2]!);
        if (TooWeak(password))
        {
            return new JsonObject { ["ok"] = false, ["msg"] = "passwordTooWeak", ["msgi18n"] = true };
        }

        lock (_lock)
        {
            if (_users.Count != 0)
            {
                return new JsonObject { ["ok"] = false, ["msg"] = AlreadyInitialized, ["msgi18n"] = false };
            }

            _users.Add((username, password));
        }

        return new JsonObject { ["ok"] = true, ["msg"] = "successAdded", ["msgi18n"] = true };
    }

    /// <summary>check-password-strength ~2.0: "Too weak" below 6 characters or fewer than 2 of lower, upper, digit, symbol.</summary>
    private static bool TooWeak(string password) =>
        password.Length < 6 || new[] { password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)) }.Count(b => b) < 2;

    private Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken)
    {
        Trace("> " + text);
        return socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
    }

    /// <summary>The Engine.IO packets, <c>&lt; </c> received and <c>&gt; </c> sent, and the HTTP requests (<c>GET /path?query</c>).</summary>
    public IReadOnlyList<string> Packets { get { lock (_lock) { return [.. _packets]; } } }

    private readonly List<string> _packets = [];

    private void Trace(string line)
    {
        lock (_lock)
        {
            _packets.Add(line);
        }
    }

    private async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.ToArray());
                Trace("< " + text);
                return text;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
