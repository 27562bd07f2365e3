using Docker.DotNet;
using Docker.DotNet.Models;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>The engine calls run mode makes, one thin method each; the parameters come from <see cref="ContainerSpecMapper"/>.</summary>
public sealed partial class DockerContainerRuntime(IDockerClient client) : IContainerRuntime, IDisposable
{
    private IDockerClient Client => client;

    /// <summary>Connects to the engine at <paramref name="endpoint"/> (one-line error when it does not answer); owns the client.</summary>
    public static async Task<DockerContainerRuntime> ConnectAsync(Uri endpoint, CancellationToken cancellationToken) =>
        new(await new DockerClientFactory().ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    /// <inheritdoc />
    public async Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var existing = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = Filter("name", name) }, cancellationToken)
            .ConfigureAwait(false);
        if (existing.Any(n => n.Name == name))
        {
            return;
        }

        await client.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = name,
            Driver = "bridge",
            Labels = labels.ToDictionary(l => l.Key, l => l.Value),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<System.Net.IPAddress?> HostGatewayAsync(CancellationToken cancellationToken)
    {
        var bridge = await client.Networks.InspectNetworkAsync("bridge", cancellationToken).ConfigureAwait(false);
        var config = bridge.IPAM?.Config?.FirstOrDefault(c => !string.IsNullOrEmpty(c.Subnet) || !string.IsNullOrEmpty(c.Gateway));
        var interfaceName = bridge.Options?.TryGetValue("com.docker.network.bridge.name", out var named) == true ? named : "docker0";
        return HostGateway.Resolve(config?.Gateway, config?.Subnet, HostGateway.InterfaceAddresses(interfaceName));
    }

    /// <inheritdoc />
    public async Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var existing = await client.Volumes.ListAsync(new VolumesListParameters { Filters = Filter("name", name) }, cancellationToken).ConfigureAwait(false);
        if (existing.Volumes?.Any(v => v.Name == name) == true)
        {
            return;
        }

        await client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = labels.ToDictionary(l => l.Key, l => l.Value) }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerInfo>> FindContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var found = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(labels) }, cancellationToken)
            .ConfigureAwait(false);
        return found.Select(ToInfo).ToList();
    }

    /// <inheritdoc />
    public async Task<ContainerInfo?> FindContainerByNameAsync(string name, CancellationToken cancellationToken)
    {
        var found = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Filter("name", name) }, cancellationToken)
            .ConfigureAwait(false);
        return found.Select(ToInfo).FirstOrDefault(c => c.Name == name);
    }

    /// <inheritdoc />
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task PullImageAsync(string image, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var colon = image.LastIndexOf(':');
        var (from, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
        string? error = null;
        var messages = new InlineProgress<JSONMessage>(m =>
        {
            error ??= m.Error?.Message;
            if (m.Status is { Length: > 0 } status)
            {
                progress?.Report(new PullProgress(m.ID, status, m.Progress?.Current, m.Progress?.Total));
            }
        });
        try
        {
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = from, Tag = tag }, null, messages, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException exception)
        {
            error ??= EngineMessage(exception);
        }

        if (error is not null || !await ImageExistsAsync(image, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"pull of {image} failed: {error ?? "image not present afterwards"}");
        }
    }

    /// <summary>Container events that change what the status shows (health_status matches "health_status: healthy" etc.).</summary>
    private static readonly string[] s_stateEvents = ["create", "start", "restart", "die", "stop", "kill", "oom", "pause", "unpause", "destroy", "health_status"];

    /// <inheritdoc />
    public async Task WatchEventsAsync(IReadOnlyDictionary<string, string> labels, Action<string> onContainerEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onContainerEvent);
        var filters = LabelFilter(labels);
        filters["type"] = new Dictionary<string, bool> { ["container"] = true };
        // Only what changes state: not the exec_* events every health check run raises.
        filters["event"] = s_stateEvents.ToDictionary(e => e, _ => true);
        var events = new InlineProgress<Message>(m =>
        {
            if (m.Actor?.ID is { Length: > 0 } id && s_stateEvents.Any(e => m.Action?.StartsWith(e, StringComparison.Ordinal) == true))
            {
                onContainerEvent(id);
            }
        });
        await client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, events, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var created = await client.Containers.CreateContainerAsync(spec.Parameters, cancellationToken).ConfigureAwait(false);
        foreach (var network in spec.ExtraNetworks)
        {
            await client.Networks.ConnectNetworkAsync(network, new NetworkConnectParameters
            {
                Container = created.ID,
                EndpointConfig = new EndpointSettings { Aliases = [spec.Parameters.Name!] },
            }, cancellationToken).ConfigureAwait(false);
        }

        return created.ID;
    }

    /// <inheritdoc />
    public Task StartContainerAsync(string id, CancellationToken cancellationToken) =>
        client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);

    /// <inheritdoc />
    public async Task<long> ExecAsync(string id, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            // The container may be restarting or gone by now: the engine refuses the exec (409/404), which counts as failing.
            var exec = await client.Exec.CreateContainerExecAsync(id,
                new ContainerExecCreateParameters { Cmd = [.. command], AttachStdout = true, AttachStderr = true }, bounded.Token).ConfigureAwait(false);
            using var stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), bounded.Token).ConfigureAwait(false);
            await stream.ReadOutputToEndAsync(bounded.Token).ConfigureAwait(false);
            return (await client.Exec.InspectContainerExecAsync(exec.ID, bounded.Token).ConfigureAwait(false)).ExitCode ?? -1;
        }
        catch (Exception exception) when (exception is DockerApiException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return -1;
        }
    }

    /// <inheritdoc />
    public async Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            var state = inspected.State;
            return new ContainerStatus(state?.Status ?? "unknown", state?.Health?.Status, state?.ExitCode ?? 0, inspected.RestartCount,
                string.IsNullOrEmpty(state?.Error) ? null : state.Error);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)timeout.TotalSeconds }, cancellationToken);

    /// <inheritdoc />
    public async Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)timeout.TotalSeconds }, cancellationToken)
                .ConfigureAwait(false);
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RemoveNetworksAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = LabelFilter(labels) }, cancellationToken)
            .ConfigureAwait(false);
        foreach (var network in networks)
        {
            await client.Networks.DeleteNetworkAsync(network.ID, cancellationToken).ConfigureAwait(false);
        }

        return networks.Select(n => n.Name).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter(labels) }, cancellationToken).ConfigureAwait(false);
        return volumes.Volumes?.Select(v => v.Name).ToList() ?? [];
    }

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        client.Volumes.RemoveAsync(name, force: false, cancellationToken);

    /// <inheritdoc />
    public async Task FollowLogsAsync(string id, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        using var stream = await client.Containers.GetContainerLogsAsync(id,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = true }, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[8192];
        var pending = new[] { new System.Text.StringBuilder(), new System.Text.StringBuilder() };
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            var isError = read.Target == MultiplexedStream.TargetStream.StandardError;
            var text = pending[isError ? 1 : 0].Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read.Count));
            var content = text.ToString();
            var lastNewline = content.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                continue;
            }

            foreach (var line in content[..lastNewline].Split('\n'))
            {
                onLine(line.TrimEnd('\r'), isError);
            }

            text.Clear().Append(content[(lastNewline + 1)..]);
        }

        foreach (var (rest, index) in pending.Select((p, i) => (p.ToString(), i)).Where(p => p.Item1.Length > 0))
        {
            onLine(rest, index == 1);
        }
    }

    /// <inheritdoc />
    public Task WatchStatsAsync(string id, Action<ContainerStats> onSample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onSample);
        var samples = new InlineProgress<ContainerStatsResponse>(r => onSample(ContainerStatsMapper.Map(r)));
        return client.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = true }, samples, cancellationToken);
    }

    /// <summary>The engine's own message from an error response (<c>{"message": "..."}</c>), else its status.</summary>
    private static string EngineMessage(DockerApiException exception)
    {
        try
        {
            using var body = System.Text.Json.JsonDocument.Parse(exception.ResponseBody ?? "");
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return $"the engine answered {(int)exception.StatusCode} {exception.StatusCode}";
    }

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(IReadOnlyDictionary<string, string> labels) =>
        new() { ["label"] = labels.ToDictionary(l => $"{l.Key}={l.Value}", _ => true) };

    private static ContainerInfo ToInfo(ContainerListResponse c) => new(
        c.ID,
        c.Names?.FirstOrDefault()?.TrimStart('/') ?? c.ID,
        c.Labels?.ToDictionary(l => l.Key, l => l.Value) ?? [],
        c.State == "running",
        c.Ports?.Where(p => p.IP == "127.0.0.1" && p.Type == "tcp" && p.PublicPort > 0).GroupBy(p => (int)p.PrivatePort)
            .ToDictionary(g => g.Key, g => (int)g.First().PublicPort!));

    private static Dictionary<string, IDictionary<string, bool>> Filter(string key, string value) =>
        new() { [key] = new Dictionary<string, bool> { [value] = true } };
}
