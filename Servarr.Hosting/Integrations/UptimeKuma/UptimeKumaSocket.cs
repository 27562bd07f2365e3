using System.Text.Json;
using Servarr.Hosting.ApplicationModel;
using SocketIOClient;
using SocketIOClient.Transport;

namespace Servarr.Hosting;

/// <summary>
/// Uptime Kuma's Socket.IO API, the only way to its first-run setup (there is no REST call for it), over a WebSocket
/// with the SocketIOClient package: Socket.IO v4 (Engine.IO protocol 4), each call an event with an acknowledgement.
/// </summary>
/// <remarks>
/// Facts (louislam/uptime-kuma @ 2.5.3): package.json — <c>"socket.io": "~4.8.3"</c> (Engine.IO 4, path <c>/socket.io/</c>);
/// server/uptime-kuma-server.js — <c>allowRequest</c> lets a WebSocket without an <c>Origin</c> header in;
/// server/server.js — <c>socket.on("needSetup", async (callback) =&gt; callback(needSetup))</c> (true while the user table
/// is empty) and <c>socket.on("setup", async (username, password, callback)</c> answering <c>{ ok, msg, msgi18n }</c>:
/// refused when <c>passwordStrength(password).value === "Too weak"</c> (msg <c>passwordTooWeak</c>, msgi18n true) or when a
/// user exists (msg "Uptime Kuma has been initialized. If you want to run setup again, please delete the database.").
/// </remarks>
internal sealed class UptimeKumaSocket : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    // src/lang/en.json of the same tag, for the keys the setup event answers with (msgi18n: true)
    private static readonly Dictionary<string, string> s_messages = new(StringComparer.Ordinal)
    {
        ["passwordTooWeak"] = "Password is too weak. It should contain alphabetic and numeric characters. It must be at least 6 characters in length.",
        ["successAdded"] = "Added Successfully.",
    };

    private readonly SocketIO _client;

    private UptimeKumaSocket(SocketIO client) => _client = client;

    /// <summary>Connects to Uptime Kuma at <paramref name="baseAddress"/> (e.g. <c>http://127.0.0.1:3001/</c>).</summary>
    public static async Task<UptimeKumaSocket> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var client = new SocketIO(baseAddress, new SocketIOOptions
        {
            EIO = 4,
            Transport = TransportProtocol.WebSocket,
            Reconnection = false,
            ConnectionTimeout = s_timeout,
        });
        try
        {
            await client.ConnectAsync().WaitAsync(s_timeout, cancellationToken).ConfigureAwait(false);
            return client.Connected ? new UptimeKumaSocket(client)
                : throw new ConfigurationException($"socket.io at {baseAddress}: no connection (is it Uptime Kuma, and up?)");
        }
        catch (Exception exception) when (exception is not ConfigurationException && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new ConfigurationException($"socket.io at {baseAddress}: {exception.Message}");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Whether Uptime Kuma still has no user, i.e. shows its first-run page (event <c>needSetup</c>).</summary>
    public async Task<bool> NeedSetupAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync("needSetup", cancellationToken).ConfigureAwait(false);
        return answer.ValueKind is JsonValueKind.True or JsonValueKind.False ? answer.GetBoolean()
            : throw new ConfigurationException($"socket.io needSetup: expected true or false, got {answer.GetRawText()}");
    }

    /// <summary>Creates the first user (event <c>setup</c>); throws with Uptime Kuma's message when it refuses.</summary>
    public async Task SetupAsync(string username, string password, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("setup", cancellationToken, username, password).ConfigureAwait(false);
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return;
        }

        var message = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String
            ? msg.GetString()! : answer.GetRawText();
        throw new ConfigurationException($"socket.io setup as '{username}': Uptime Kuma refused it: {s_messages.GetValueOrDefault(message, message)}");
    }

    private async Task<JsonElement> CallAsync(string eventName, CancellationToken cancellationToken, params object[] arguments)
    {
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _client.EmitAsync(eventName, cancellationToken, response =>
        {
            if (response.Count == 0)
            {
                answer.TrySetException(new ConfigurationException($"socket.io {eventName}: an acknowledgement without a value"));
            }
            else
            {
                answer.TrySetResult(response.GetValue(0).Clone());
            }
        }, arguments).ConfigureAwait(false);
        try
        {
            return await answer.Task.WaitAsync(s_timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ConfigurationException($"socket.io {eventName}: no acknowledgement within {s_timeout.TotalSeconds:0} s");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
