using System.Net.Sockets;

namespace Servarr.Hosting.Orchestration;

/// <summary>Runs the AppHost's own health probes (HTTP status or TCP connect), each bounded by <see cref="Timeout"/>.</summary>
public sealed class HealthProber : IDisposable
{
    /// <summary>How long one probe may take before it counts as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient _http = new() { Timeout = Timeout };

    /// <summary>True when the target answers as expected, false when not, null when there is nothing to probe.</summary>
    public async Task<bool?> ProbeAsync(HealthProbeTarget? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return null;
        }

        try
        {
            if (target.StatusCode is not { } expected)
            {
                using var client = new TcpClient();
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(Timeout);
                await client.ConnectAsync(target.Address.Host, target.Address.Port, bounded.Token).ConfigureAwait(false);
                return true;
            }

            using var response = await _http.GetAsync(target.Address, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode == expected;
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or OperationCanceledException
                                          && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
