using System.Globalization;
using System.Threading.Channels;
using Grpc.Core;
using Servarr.Hosting.Orchestration;
using Proto = Servarr.Hosting.Dashboard.Proto;

namespace Servarr.Hosting.Dashboard;

/// <summary>
/// The dashboard's resource service: application name, resources with their changes, console logs that follow, the
/// start/stop/restart commands, and an interactions stream that asks for missing parameters. Every call is checked by <see cref="ApiKeyInterceptor"/>.
/// </summary>
public sealed class ResourceDashboardService(DashboardResources resources, ResourceLogBuffer logs, ApplicationOrchestrator orchestrator, string applicationName)
    : Proto.DashboardService.DashboardServiceBase
{
    /// <summary>Console lines sent in one message at most.</summary>
    public const int MaxLinesPerMessage = 500;

    /// <inheritdoc />
    public override Task<Proto.ApplicationInformationResponse> GetApplicationInformation(Proto.ApplicationInformationRequest request, ServerCallContext context) =>
        Task.FromResult(new Proto.ApplicationInformationResponse { ApplicationName = applicationName });

    /// <inheritdoc />
    public override async Task WatchResources(Proto.WatchResourcesRequest request, IServerStreamWriter<Proto.WatchResourcesUpdate> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        using var subscription = resources.Subscribe(out var changes);
        var initial = new Proto.InitialResourceData();
        initial.Resources.AddRange(resources.Names.Select(resources.Get));
        initial.ResourceTypes.Add(new Proto.ResourceType { UniqueName = DashboardResourceMapper.ContainerType, DisplayName = "Container" });
        await responseStream.WriteAsync(new Proto.WatchResourcesUpdate { InitialData = initial }, context.CancellationToken).ConfigureAwait(false);
        try
        {
            while (await changes.WaitToReadAsync(context.CancellationToken).ConfigureAwait(false))
            {
                var changed = new HashSet<string>(StringComparer.Ordinal);
                while (changes.TryRead(out var name))
                {
                    changed.Add(name);
                }

                var update = new Proto.WatchResourcesChanges();
                update.Value.AddRange(resources.Names.Where(changed.Contains).Select(n => new Proto.WatchResourcesChange { Upsert = resources.Get(n) }));
                await responseStream.WriteAsync(new Proto.WatchResourcesUpdate { Changes = update }, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override async Task WatchResourceConsoleLogs(Proto.WatchResourceConsoleLogsRequest request,
        IServerStreamWriter<Proto.WatchResourceConsoleLogsUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var name = request.ResourceName;
        if (!resources.Contains(name))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"there is no resource '{name}'"));
        }

        // Listen first, then read what is kept: numbers tell which live lines the kept ones already hold.
        var live = Channel.CreateUnbounded<ResourceLogBuffer.LogLine>(new UnboundedChannelOptions { SingleReader = true });
        void OnLine(string resource, ResourceLogBuffer.LogLine line)
        {
            if (resource == name)
            {
                live.Writer.TryWrite(line);
            }
        }

        logs.Appended += OnLine;
        try
        {
            var kept = logs.Lines(name);
            foreach (var chunk in kept.Chunk(MaxLinesPerMessage))
            {
                await responseStream.WriteAsync(Update(chunk), context.CancellationToken).ConfigureAwait(false);
            }

            if (request.SuppressFollow)
            {
                return;
            }

            var last = kept.Count == 0 ? 0 : kept[^1].Number;
            while (await live.Reader.WaitToReadAsync(context.CancellationToken).ConfigureAwait(false))
            {
                var batch = new List<ResourceLogBuffer.LogLine>();
                while (batch.Count < MaxLinesPerMessage && live.Reader.TryRead(out var line))
                {
                    if (line.Number > last)
                    {
                        batch.Add(line);
                    }
                }

                if (batch.Count > 0)
                {
                    await responseStream.WriteAsync(Update(batch), context.CancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            logs.Appended -= OnLine;
        }
    }

    /// <inheritdoc />
    public override async Task<Proto.ResourceCommandResponse> ExecuteResourceCommand(Proto.ResourceCommandRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        Func<string, CancellationToken, Task>? action = request.CommandName switch
        {
            DashboardResourceMapper.Start or "start" => orchestrator.StartResourceAsync,
            DashboardResourceMapper.Stop or "stop" => orchestrator.StopResourceAsync,
            DashboardResourceMapper.Restart or "restart" => orchestrator.RestartResourceAsync,
            _ => null,
        };
        if (action is null)
        {
            return Failed($"unknown command '{request.CommandName}'; Servarr serves start, stop and restart");
        }

        try
        {
            await action(request.ResourceName, context.CancellationToken).ConfigureAwait(false);
            return new Proto.ResourceCommandResponse { Kind = Proto.ResourceCommandResponseKind.Succeeded };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed($"{request.CommandName} of '{request.ResourceName}' failed: {exception.Message}");
        }
    }

    /// <inheritdoc />
    public override Task WatchInteractions(IAsyncStreamReader<Proto.WatchInteractionsRequestUpdate> requestStream,
        IServerStreamWriter<Proto.WatchInteractionsResponseUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ParameterInteractions.ServeAsync(orchestrator.GateReady, requestStream, responseStream, context.CancellationToken);
    }

    private static Proto.ResourceCommandResponse Failed(string message) =>
        new() { Kind = Proto.ResourceCommandResponseKind.Failed, ErrorMessage = message };

    private static Proto.WatchResourceConsoleLogsUpdate Update(IEnumerable<ResourceLogBuffer.LogLine> lines)
    {
        var update = new Proto.WatchResourceConsoleLogsUpdate();
        update.LogLines.AddRange(lines.Select(l => new Proto.ConsoleLogLine
        {
            Text = $"{l.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)} {l.Text}",
            IsStdErr = l.IsError,
            LineNumber = (int)Math.Min(l.Number, int.MaxValue),
        }));
        return update;
    }
}
