using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Servarr.Hosting.Orchestration.Vpn;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>The container calls the VPN namespace runtime needs: create in a gateway's namespace, inspect, remove, list, logs.</summary>
public sealed partial class DockerEngine
{
    /// <inheritdoc />
    public async Task<string> CreateAndStartAsync(VpnContainerSpec spec, CancellationToken cancellationToken)
    {
        var created = await Client.Containers.CreateContainerAsync(VpnDockerMapper.Map(spec), cancellationToken).ConfigureAwait(false);
        try
        {
            await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await RemoveAsync(created.ID, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return created.ID;
    }

    /// <inheritdoc />
    public async Task<VpnContainerState?> InspectAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        try
        {
            var inspected = await Client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            var state = inspected.State;
            DateTime? started = DateTime.TryParse(state?.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s) && s.Year > 1
                ? s.ToUniversalTime() : null;
            return new VpnContainerState(state?.Status ?? "unknown", state?.Health?.Status, state?.ExitCode ?? 0,
                inspected.HostConfig?.NetworkMode ?? "", started, string.IsNullOrEmpty(state?.Error) ? null : state.Error);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)timeout.TotalSeconds }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Already stopped, or gone: removal below settles it.
        }

        try
        {
            await Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VpnContainerInfo>> ListAsync(string labelKey, CancellationToken cancellationToken)
    {
        var list = await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [labelKey] = true } },
        }, cancellationToken).ConfigureAwait(false);
        return [.. list.Select(c => new VpnContainerInfo(c.ID, c.Names?.FirstOrDefault()?.TrimStart('/') ?? c.ID,
            c.Labels?.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal) ?? []))];
    }

    /// <inheritdoc />
    public async Task FollowLogsAsync(string id, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        using var stream = await Client.Containers.GetContainerLogsAsync(id,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = true }, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[8192];
        var pending = new[] { new StringBuilder(), new StringBuilder() };
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            var isError = read.Target == MultiplexedStream.TargetStream.StandardError;
            var text = pending[isError ? 1 : 0].Append(Encoding.UTF8.GetString(buffer, 0, read.Count)).ToString();
            var lastNewline = text.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                continue;
            }

            foreach (var line in text[..lastNewline].Split('\n'))
            {
                onLine(line.TrimEnd('\r'), isError);
            }

            pending[isError ? 1 : 0].Clear().Append(text[(lastNewline + 1)..]);
        }

        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i].Length > 0)
            {
                onLine(pending[i].ToString(), i == 1);
            }
        }
    }
}
