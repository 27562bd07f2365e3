using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Uptime Kuma's Socket.IO API, the only way to its first-run setup (there is no REST call for it): a minimal Socket.IO
/// v4 client over one WebSocket (Engine.IO protocol 4, text packets only), enough for events with an acknowledgement.
/// It is written here because the one served package, SocketIOClient 3.0.6, did not finish its connect handshake
/// reliably against an Engine.IO 4 server in the tests and takes no CancellationToken to connect.
/// </summary>
/// <remarks>
/// Protocol (socketio/engine.io-protocol v4, socketio/socket.io-protocol v5): the server opens with <c>0{"sid",…}</c>; the
/// client connects to the main namespace with <c>40</c>, answered <c>40{"sid"}</c> (or <c>44{"message"}</c>); an event
/// with an acknowledgement is <c>42&lt;id&gt;["name",…args]</c>, answered <c>43&lt;id&gt;[…values]</c>; the server pings
/// <c>2</c>, the client answers <c>3</c>. Facts (louislam/uptime-kuma @ 2.5.3): package.json — <c>"socket.io": "~4.8.3"</c>
/// (Engine.IO 4, path <c>/socket.io/</c>); server/uptime-kuma-server.js — <c>allowRequest</c> lets a WebSocket without an
/// <c>Origin</c> header in; server/server.js — <c>socket.on("needSetup", async (callback) =&gt; callback(needSetup))</c> and
/// <c>socket.on("setup", async (username, password, callback)</c> answering <c>{ ok, msg, msgi18n }</c>: refused when
/// <c>passwordStrength(password).value === "Too weak"</c> (msg <c>passwordTooWeak</c>, msgi18n) or when a user exists
/// ("Uptime Kuma has been initialized. If you want to run setup again, please delete the database.").
/// </remarks>
internal sealed class UptimeKumaSocket : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    // src/lang/en.json of the same tag, for the keys the setup event answers with (msgi18n: true)
    private static readonly Dictionary<string, string> s_messages = new(StringComparer.Ordinal)
    {
        ["passwordTooWeak"] = "Password is too weak. It should contain alphabetic and numeric characters. It must be at least 6 characters in length.",
        ["successAdded"] = "Added Successfully.",
    };

    private readonly ClientWebSocket _socket;
    private readonly Uri _address;
    private int _nextId;

    private UptimeKumaSocket(ClientWebSocket socket, Uri address)
    {
        _socket = socket;
        _address = address;
    }

    /// <summary>Connects to the Uptime Kuma at <paramref name="baseAddress"/> (e.g. <c>http://127.0.0.1:3001/</c>).</summary>
    public static async Task<UptimeKumaSocket> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var address = new UriBuilder(new Uri(baseAddress, "socket.io/")) { Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Query = "EIO=4&transport=websocket" }.Uri;
        var connection = new UptimeKumaSocket(new ClientWebSocket(), address);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_timeout);
            await connection.HandshakeAsync(timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception)
        {
            // The socket is closed whatever ended the handshake, the caller's cancellation included.
            await connection.DisposeAsync().ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw exception is ConfigurationException ? exception
                : new ConfigurationException($"socket.io at {address}: {(exception is OperationCanceledException ? $"no answer within {s_timeout.TotalSeconds:0} s" : exception.Message)}");
        }
    }

    /// <summary>Whether Uptime Kuma still has no user, i.e. shows its first-run page (event <c>needSetup</c>).</summary>
    public async Task<bool> NeedSetupAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync("needSetup", [], cancellationToken).ConfigureAwait(false);
        return answer.ValueKind is JsonValueKind.True or JsonValueKind.False ? answer.GetBoolean()
            : throw new ConfigurationException($"socket.io needSetup: expected true or false, got {answer.GetRawText()}");
    }

    /// <summary>Creates the first user (event <c>setup</c>); throws with Uptime Kuma's message when it refuses.</summary>
    public async Task SetupAsync(string username, string password, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("setup", [username, password], cancellationToken).ConfigureAwait(false);
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return;
        }

        var message = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String
            ? msg.GetString()! : answer.GetRawText();
        throw new ConfigurationException($"socket.io setup as '{username}': Uptime Kuma refused it: {s_messages.GetValueOrDefault(message, message)}");
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_address, cancellationToken).ConfigureAwait(false);
        var open = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (!open.StartsWith('0'))
        {
            throw new ConfigurationException($"socket.io at {_address}: expected Engine.IO's open packet, got '{ConfigurationException.Excerpt(open)}'");
        }

        await SendAsync("40", cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var packet = await NextAsync(cancellationToken).ConfigureAwait(false);
            if (packet.StartsWith("40", StringComparison.Ordinal))
            {
                return;
            }

            if (packet.StartsWith("44", StringComparison.Ordinal))
            {
                throw new ConfigurationException($"socket.io at {_address}: connection refused: {ConfigurationException.Excerpt(packet[2..])}");
            }
        }
    }

    private async Task<JsonElement> CallAsync(string eventName, string[] arguments, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        var id = _nextId++;
        var packet = new JsonArray([JsonValue.Create(eventName), .. arguments.Select(a => (JsonNode?)JsonValue.Create(a))]);
        try
        {
            await SendAsync($"42{id}{packet.ToJsonString()}", timeout.Token).ConfigureAwait(false);
            var ack = $"43{id}[";
            while (true)
            {
                var answer = await NextAsync(timeout.Token).ConfigureAwait(false);
                if (answer.StartsWith(ack, StringComparison.Ordinal))
                {
                    using var values = JsonDocument.Parse(answer[(ack.Length - 1)..]);
                    return values.RootElement.GetArrayLength() > 0 ? values.RootElement[0].Clone()
                        : throw new ConfigurationException($"socket.io {eventName}: an acknowledgement without a value");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConfigurationException($"socket.io {eventName}: no acknowledgement within {s_timeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException)
        {
            throw new ConfigurationException($"socket.io {eventName}: {exception.Message}");
        }
    }

    /// <summary>The next packet that is not a ping (answered) or a noop; throws when the server disconnects this client.</summary>
    private async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var packet = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            switch (packet)
            {
                case "2":
                    await SendAsync("3", cancellationToken).ConfigureAwait(false);
                    continue;
                case "6":
                    continue;
                case "1" or "41":
                    throw new ConfigurationException($"socket.io at {_address}: the server closed the connection");
                default:
                    return packet;
            }
        }
    }

    private Task SendAsync(string packet, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(packet), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new ConfigurationException($"socket.io at {_address}: the server closed the connection ({result.CloseStatus} {result.CloseStatusDescription})".TrimEnd());
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                // binary frames carry attachments, which neither event uses; they are skipped like any other packet
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.ToArray()) : "";
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await SendAsync("41", timeout.Token).ConfigureAwait(false);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // the server went away first; nothing is left to close
            }
        }

        _socket.Dispose();
    }
}
