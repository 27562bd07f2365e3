using System.Collections.Concurrent;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Tests.TestSupport;

/// <summary>An in-memory engine for orchestrator tests: records every call, lets a test fail pulls or end containers.</summary>
internal sealed class FakeContainerRuntime : IContainerRuntime
{
    private int _next;

    public sealed class FakeContainer
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required Dictionary<string, string> Labels { get; init; }
        public string Status { get; set; } = "created";
        public string? Health { get; set; }
        public long ExitCode { get; set; }
        public long Restarts { get; set; }
    }

    public ConcurrentDictionary<string, FakeContainer> Containers { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();
    public HashSet<string> PresentImages { get; } = [];
    public HashSet<string> FailingPulls { get; } = [];
    public ConcurrentDictionary<string, Dictionary<string, string>> Networks { get; } = new();
    public ConcurrentDictionary<string, Dictionary<string, string>> Volumes { get; } = new();

    /// <summary>Health a container reports once started (null: no health check).</summary>
    public Func<string, string?> HealthOnStart { get; set; } = _ => "healthy";

    public FakeContainer Add(string name, Dictionary<string, string> labels, string status = "running")
    {
        var container = new FakeContainer { Id = $"id-{Interlocked.Increment(ref _next)}", Name = name, Labels = labels, Status = status };
        Containers[container.Id] = container;
        return container;
    }

    public FakeContainer ByName(string name) => Containers.Values.Single(c => c.Name == name);

    public Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        Networks.TryAdd(name, new Dictionary<string, string>(labels));
        return Record($"network {name}");
    }

    public Task<System.Net.IPAddress?> HostGatewayAsync(CancellationToken cancellationToken) => Task.FromResult<System.Net.IPAddress?>(null);

    public Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        Volumes.TryAdd(name, new Dictionary<string, string>(labels));
        return Record($"volume {name}");
    }

    public Task<IReadOnlyList<string>> RemoveNetworksAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var names = Networks.Where(n => labels.All(l => n.Value.GetValueOrDefault(l.Key) == l.Value)).Select(n => n.Key).ToList();
        names.ForEach(n => Networks.TryRemove(n, out _));
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    public Task<IReadOnlyList<string>> FindVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Volumes.Where(v => labels.All(l => v.Value.GetValueOrDefault(l.Key) == l.Value)).Select(v => v.Key).ToList());

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken)
    {
        Volumes.TryRemove(name, out _);
        return Record($"remove volume {name}");
    }

    public Task<IReadOnlyList<ContainerInfo>> FindContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerInfo>>(Containers.Values.Where(c => labels.All(l => c.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Select(Info).ToList());

    public Task<ContainerInfo?> FindContainerByNameAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Containers.Values.Where(c => c.Name == name).Select(Info).FirstOrDefault());

    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => Task.FromResult(PresentImages.Contains(image));

    public Task PullImageAsync(string image, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"pull {image}");
        progress?.Report(new PullProgress("layer1", "Downloading", 5_000_000, 10_000_000));
        if (FailingPulls.Contains(image))
        {
            throw new InvalidOperationException($"pull of {image} failed: manifest unknown");
        }

        PresentImages.Add(image);
        return Task.CompletedTask;
    }

    /// <summary>The environment each container was last created with, by name.</summary>
    public ConcurrentDictionary<string, IList<string>> Environments { get; } = new();

    public IList<string> CreatedEnv(string name) => Environments[name];

    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"create {spec.Parameters.Name}");
        Environments[spec.Parameters.Name!] = spec.Parameters.Env ?? [];
        return Task.FromResult(Add(spec.Parameters.Name!, new Dictionary<string, string>(spec.Parameters.Labels!), "created").Id);
    }

    public Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        var container = Containers[id];
        Calls.Enqueue($"start {container.Name}");
        container.Status = "running";
        container.Health = HealthOnStart(container.Name);
        return Task.CompletedTask;
    }

    /// <summary>Container ids an event was raised for; a test adds one to wake the orchestrator.</summary>
    public event Action<string>? ContainerEvent;

    public void RaiseEvent(string id) => ContainerEvent?.Invoke(id);

    public async Task WatchEventsAsync(IReadOnlyDictionary<string, string> labels, Action<string> onContainerEvent, CancellationToken cancellationToken)
    {
        ContainerEvent += onContainerEvent;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            ContainerEvent -= onContainerEvent;
        }
    }

    /// <summary>Exit code of a command run in a container (health commands).</summary>
    public Func<string, IReadOnlyList<string>, long> ExecExitCode { get; set; } = (_, _) => 0;

    public ConcurrentQueue<string> Execs { get; } = new();

    public Task<long> ExecAsync(string id, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Execs.Enqueue($"{Containers[id].Name}: {string.Join(' ', command)}");
        return Task.FromResult(ExecExitCode(Containers[id].Name, command));
    }

    private int _inspections;

    /// <summary>How many times a container was inspected.</summary>
    public int Inspections => Volatile.Read(ref _inspections);

    /// <summary>How many of the next inspections fail like an engine refusing a call (e.g. 409 while restarting).</summary>
    public int FailingInspections;

    public Task<ContainerStatus?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inspections);
        if (Interlocked.Decrement(ref FailingInspections) >= 0)
        {
            throw new InvalidOperationException("the engine refused: container is restarting");
        }

        return Task.FromResult(Containers.TryGetValue(id, out var c) ? new ContainerStatus(c.Status, c.Health, c.ExitCode, c.Restarts, null) : null);
    }

    /// <summary>Samples each container reports while watched (the same every ~20 ms).</summary>
    public ContainerStats Stats { get; set; } = new(12.5, 64_000_000, 1000, 2000);

    public async Task WatchStatsAsync(string id, Action<ContainerStats> onSample, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && Containers.ContainsKey(id))
        {
            onSample(Stats);
            await Task.Delay(20, cancellationToken);
        }
    }

    public Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var container = Containers[id];
        Calls.Enqueue($"stop {container.Name}");
        container.Status = "exited";
        container.ExitCode = 143;
        container.Health = null;
        return Task.CompletedTask;
    }

    public Task RemoveContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Containers.TryRemove(id, out var removed))
        {
            Calls.Enqueue($"remove {removed.Name}");
        }

        return Task.CompletedTask;
    }

    public async Task FollowLogsAsync(string id, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        onLine($"hello from {Containers[id].Name}", false);
        onLine("a warning", true);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>One-off containers run, in order.</summary>
    public ConcurrentQueue<OneOffContainer> OneOffs { get; } = new();

    /// <summary>How a one-off container ends (default: exit 0, no output).</summary>
    public Func<OneOffContainer, OneOffResult> OneOffResult { get; set; } = _ => new(0, "", "");

    public Task<OneOffResult> RunOneOffAsync(OneOffContainer container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        OneOffs.Enqueue(container);
        Calls.Enqueue($"one-off {container.Name}: {container.Command[^1]}");
        return Task.FromResult(OneOffResult(container));
    }

    private Task Record(string call)
    {
        Calls.Enqueue(call);
        return Task.CompletedTask;
    }

    private static ContainerInfo Info(FakeContainer c) => new(c.Id, c.Name, c.Labels, c.Status == "running");
}
