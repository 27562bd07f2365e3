using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>The calls <c>down</c> and run mode's volume labelling make (<see cref="IStackEngine"/>): list, remove, create volumes.</summary>
public sealed partial class DockerEngine : IStackEngine
{
    /// <inheritdoc />
    public Task<StackInventory> InventoryAsync(CancellationToken cancellationToken) => CallAsync(async () =>
    {
        var containers = await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cancellationToken).ConfigureAwait(false);
        var networks = await Client.Networks.ListNetworksAsync(new NetworksListParameters(), cancellationToken).ConfigureAwait(false);
        var volumes = await Client.Volumes.ListAsync(cancellationToken).ConfigureAwait(false);
        return new StackInventory(
            [.. containers.Select(c => new EngineContainer(c.ID, c.Names?.FirstOrDefault()?.TrimStart('/') ?? c.ID, Labels(c.Labels),
                [.. c.NetworkSettings?.Networks?.Keys ?? Enumerable.Empty<string>()]))],
            [.. networks.Select(n => new EngineNetwork(n.ID, n.Name, Labels(n.Labels)))],
            [.. (volumes.Volumes ?? []).Select(v => new EngineVolume(v.Name, Labels(v.Labels)))]);
    });

    /// <inheritdoc />
    public Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await RemoveAsync(id, timeout, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    public Task RemoveNetworkAsync(string id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        try
        {
            await Client.Networks.DeleteNetworkAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerNetworkNotFoundException)
        {
        }

        return true;
    });

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        try
        {
            await Client.Volumes.RemoveAsync(name, force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
        }

        return true;
    });

    /// <inheritdoc />
    public Task<EngineVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        try
        {
            var volume = await Client.Volumes.InspectAsync(name, cancellationToken).ConfigureAwait(false);
            return new EngineVolume(volume.Name, Labels(volume.Labels));
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return (EngineVolume?)null;
        }
    });

    /// <inheritdoc />
    public Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
                cancellationToken).ConfigureAwait(false);
            return true;
        });

    private static Dictionary<string, string> Labels(IDictionary<string, string>? labels) =>
        labels?.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);

    // Engine failures become one line: the engine's own message, or that nothing answers at the endpoint.
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DockerApiException exception)
        {
            throw new ServarrException(EngineMessage(exception));
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException or TimeoutException)
        {
            throw new ServarrException(DockerEndpoint.UnreachableMessage(Endpoint));
        }
    }

    private static string EngineMessage(DockerApiException exception)
    {
        try
        {
            using var body = JsonDocument.Parse(exception.ResponseBody ?? "");
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return $"the engine answered {(int)exception.StatusCode}";
    }
}
