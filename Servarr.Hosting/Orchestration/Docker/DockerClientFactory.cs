using Docker.DotNet;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>
/// Creates the Docker client for an endpoint and proves the engine answers, within <see cref="PingTimeout"/>; the API
/// version is negotiated by the client. Only this folder references Docker.DotNet.
/// </summary>
public sealed class DockerClientFactory
{
    /// <summary>How long the first ping may take before the engine counts as unreachable.</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Connects to <paramref name="endpoint"/>; throws <see cref="ServarrException"/> with one line when nothing answers.</summary>
    public async Task<IDockerClient> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(TimeSpan.FromMinutes(5)).Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            return client;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new ServarrException(DockerEndpoint.UnreachableMessage(endpoint));
        }
    }
}
