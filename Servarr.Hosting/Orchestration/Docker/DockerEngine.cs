using Docker.DotNet;
using Docker.DotNet.Models;
using Servarr.Hosting.Orchestration.Vpn;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>
/// The one place Servarr talks to the Docker engine (Docker.DotNet): what Aspire's orchestrator does not do — an
/// image's own health command run inside the container, and the containers in gluetun's network namespace
/// (<see cref="IVpnContainerEngine"/>, in DockerEngine.Containers.cs), and <c>down</c>'s listing and removals and run
/// mode's labelled volumes (<see cref="IStackEngine"/>, in DockerEngine.Teardown.cs).
/// The engine is found like the docker CLI finds it: <c>DOCKER_HOST</c>, else the local socket.
/// </summary>
public sealed partial class DockerEngine : IVpnContainerEngine, IDisposable
{
    private readonly Lazy<DockerClient> _client;

    /// <summary>Creates the engine client for <paramref name="endpoint"/> (connects on first use).</summary>
    public DockerEngine(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _client = new(() => new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(TimeSpan.FromMinutes(5)).Build());
    }

    /// <summary>The engine's address, e.g. <c>unix:///var/run/docker.sock</c>.</summary>
    public Uri Endpoint { get; }

    private DockerClient Client => _client.Value;

    /// <summary>The engine named by <c>DOCKER_HOST</c>, else the local socket.</summary>
    public static DockerEngine FromEnvironment() => new(DockerEndpoint.Resolve(DockerEndpoint.ProcessEnvironment()));

    /// <summary>
    /// Runs <paramref name="command"/> (exec form, no shell) in the container and returns its exit code and output; a
    /// container that is gone, restarting or too slow counts as exit code -1.
    /// </summary>
    public async Task<(long ExitCode, string Output)> ExecAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        ArgumentNullException.ThrowIfNull(command);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            var exec = await Client.Exec.CreateContainerExecAsync(containerId,
                new ContainerExecCreateParameters { Cmd = [.. command], AttachStdout = true, AttachStderr = true }, bounded.Token).ConfigureAwait(false);
            using var stream = await Client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), bounded.Token).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(bounded.Token).ConfigureAwait(false);
            var exitCode = (await Client.Exec.InspectContainerExecAsync(exec.ID, bounded.Token).ConfigureAwait(false)).ExitCode ?? -1;
            return (exitCode, (stdout + stderr).Trim());
        }
        catch (Exception exception) when (exception is DockerApiException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (-1, exception.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
