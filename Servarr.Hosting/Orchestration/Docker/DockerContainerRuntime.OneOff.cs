using Docker.DotNet;
using Docker.DotNet.Models;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>One-off containers (restore): create, start, wait, read the output, remove.</summary>
public sealed partial class DockerContainerRuntime
{
    /// <inheritdoc />
    public async Task<OneOffResult> RunOneOffAsync(OneOffContainer container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (await FindContainerByNameAsync(container.Name, cancellationToken).ConfigureAwait(false) is { } leftover)
        {
            await RemoveContainerAsync(leftover.Id, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        var created = await Client.Containers.CreateContainerAsync(Map(container), cancellationToken).ConfigureAwait(false);
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
            try
            {
                await Client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
            }
        }
    }

    private static CreateContainerParameters Map(OneOffContainer container) => new()
    {
        Name = container.Name,
        Image = container.Image,
        Entrypoint = [container.Command[0]],
        Cmd = [.. container.Command.Skip(1)],
        Env = container.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
        Hostname = container.Hostname!,
        User = container.User!,
        Labels = container.Labels.ToDictionary(l => l.Key, l => l.Value),
        HostConfig = new HostConfig
        {
            Mounts = container.Mounts.Select(m => new Mount
            {
                Type = m.IsVolume ? "volume" : "bind",
                Source = m.Source,
                Target = m.Target,
                ReadOnly = m.IsReadOnly,
            }).ToList(),
        },
    };
}
