using System.Collections.Concurrent;
using System.Threading.Channels;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Proto = Servarr.Hosting.Dashboard.Proto;

namespace Servarr.Hosting.Dashboard;

/// <summary>
/// The resources as the dashboard sees them: each one's message built from the model and its latest state, the times it
/// was created, started and stopped, and a change feed per watching client.
/// </summary>
public sealed class DashboardResources : IDisposable
{
    private readonly Dictionary<string, ContainerResource> _containers;
    private readonly RunState _state;
    private readonly RunContext _run;
    private readonly IReadOnlySet<string> _hidden;
    private readonly ConcurrentDictionary<string, ResourceTimes> _times = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<string>, byte> _watchers = new();
    private readonly TimeProvider _clock;

    /// <summary>Follows <paramref name="state"/> for the containers of <paramref name="model"/>; <paramref name="hidden"/> are not listed in the UI.</summary>
    public DashboardResources(DistributedApplicationModel model, RunState state, RunContext run, IReadOnlySet<string>? hidden = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(run);
        Names = [.. StartPlan.Create(model).Containers.Select(c => c.Name)];
        _containers = model.Containers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        (_state, _run, _hidden, _clock) = (state, run, hidden ?? new HashSet<string>(), clock ?? TimeProvider.System);
        _state.Changed += OnChanged;
    }

    /// <summary>Resource names in start order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether <paramref name="name"/> is one of the resources.</summary>
    public bool Contains(string name) => _containers.ContainsKey(name);

    /// <summary>A resource's note beside its state, e.g. its optional features that are off; set once the stack starts.</summary>
    public Func<ContainerResource, string?>? Note { get; set; }

    /// <summary>The dashboard's message for <paramref name="name"/> now.</summary>
    public Proto.Resource Get(string name) =>
        DashboardResourceMapper.Map(_containers[name], _state.Get(name), _run, _times.GetValueOrDefault(name, new ResourceTimes(null, null, null)), _hidden.Contains(name),
            Note?.Invoke(_containers[name]));

    /// <summary>A feed of the names of resources that changed, until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(out ChannelReader<string> changes)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        _watchers[channel] = 0;
        changes = channel.Reader;
        return new Subscription(() =>
        {
            _watchers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
    }

    /// <inheritdoc />
    public void Dispose() => _state.Changed -= OnChanged;

    private void OnChanged(ResourceSnapshot snapshot)
    {
        var now = _clock.GetUtcNow();
        _times.AddOrUpdate(snapshot.Name, _ => Next(new ResourceTimes(null, null, null), snapshot, now), (_, times) => Next(times, snapshot, now));
        foreach (var watcher in _watchers.Keys)
        {
            watcher.Writer.TryWrite(snapshot.Name);
        }
    }

    private static ResourceTimes Next(ResourceTimes times, ResourceSnapshot snapshot, DateTimeOffset now) => times with
    {
        Created = times.Created ?? (snapshot.ContainerId is null ? null : now),
        Started = snapshot.State == ResourceState.Running && (times.Started is null || times.Stopped > times.Started) ? now : times.Started,
        Stopped = snapshot.IsTerminal && (times.Stopped is null || times.Stopped < times.Started) ? now : times.Stopped,
    };

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
