using Docker.DotNet;
using Docker.DotNet.Models;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Restore;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>One-off containers (a config restore): create, start, wait, read the output, always remove.</summary>
public sealed partial class DockerEngine : IOneOffContainerEngine
{
    /// <inheritdoc />
    public async Task<OneOffResult> RunOneOffAsync(OneOffContainerSpec container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        // A leftover of a killed AppHost has the same name: it would block the create.
        await RemoveAsync(container.Name, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        CreateContainerResponse created;
        try
        {
            created = await Client.Containers.CreateContainerAsync(MapOneOff(container), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            throw new ServarrException($"one-off container '{container.Name}': image {container.Image} is not on this machine; run the stack once (it pulls it) or docker pull {container.Image}");
        }

        try
        {
            await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(timeout);
            long exitCode;
            try
            {
                exitCode = (await Client.Containers.WaitContainerAsync(created.ID, bounded.Token).ConfigureAwait(false)).StatusCode;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                exitCode = -1;
            }

            using var logs = await Client.Containers.GetContainerLogsAsync(created.ID,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken).ConfigureAwait(false);
            var (output, error) = await logs.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
            return new OneOffResult(exitCode, output, exitCode == -1 ? $"{error}\ntimed out after {timeout}" : error);
        }
        finally
        {
            await RemoveAsync(created.ID, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static CreateContainerParameters MapOneOff(OneOffContainerSpec container) => new()
    {
        Name = container.Name,
        Image = container.Image,
        Entrypoint = [container.Command[0]],
        Cmd = [.. container.Command.Skip(1)],
        Env = [.. container.Environment.Select(e => $"{e.Key}={e.Value}")],
        // The engine model's properties are non-nullable; null! means "leave it to the engine or the image".
        Hostname = container.Hostname ?? null!,
        User = container.User ?? null!,
        Labels = container.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
        HostConfig = new HostConfig
        {
            Mounts = [.. container.Mounts.Select(m => new Mount
            {
                Type = m.IsVolume ? "volume" : "bind",
                Source = m.Source,
                Target = m.Target,
                ReadOnly = m.IsReadOnly,
            })],
        },
    };
}
