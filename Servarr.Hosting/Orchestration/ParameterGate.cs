using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Run mode's rule for parameters without a value: a container that uses one is not started — it waits, with the
/// command that sets it — and everything else starts. What waits for such a container (<c>WaitFor</c>, the VPN) waits
/// too and says for which parameter; a mere reference does not hold an app back. An optional feature
/// (<see cref="OptionalFeatureAnnotation"/>) is off while a value it needs is missing or empty. A value provided while
/// the stack runs (<see cref="Provide"/>) wakes every waiter.
/// </summary>
public sealed class ParameterGate
{
    private readonly ParameterValues _values;
    private readonly StartPlan _plan;
    private readonly Dictionary<string, IReadOnlyList<ParameterResource>> _uses = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Indexes the parameters each container of <paramref name="model"/> uses.</summary>
    public ParameterGate(DistributedApplicationModel model, ParameterValues values, StartPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
        _plan = plan ?? StartPlan.Create(model);
        foreach (var container in model.Containers)
        {
            _uses[container.Name] = container.GetUsedParameters().ToList();
        }

        Parameters = model.Parameters.ToList();
    }

    /// <summary>Every parameter of the model.</summary>
    public IReadOnlyList<ParameterResource> Parameters { get; }

    /// <summary>Raised after a value was provided (on the thread that provided it).</summary>
    public event Action<ParameterResource>? Provided;

    /// <summary>The parameters <paramref name="container"/> itself cannot start without, right now.</summary>
    public IReadOnlyList<ParameterResource> Blocking(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var features = container.Annotations.OfType<OptionalFeatureAnnotation>().ToList();
        var whole = features.Any(f => f.IsWholeResource);
        var inner = features.SelectMany(f => f.Parameters).ToHashSet();
        return _uses.TryGetValue(container.Name, out var uses)
            ? uses.Where(p => !inner.Contains(p) && (IsMissing(p) || (whole && IsEmpty(p)))).ToList()
            : [];
    }

    /// <summary>
    /// The parameters that keep <paramref name="container"/> from starting: its own, or those of what it must wait for
    /// (<c>WaitFor</c>, its VPN gateway), through any depth; empty when nothing holds it back.
    /// </summary>
    public IReadOnlyList<ParameterResource> ParkedOn(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var own = Blocking(container);
        return own.Count > 0
            ? own
            : _plan.PrerequisitesOf(container).Where(p => !p.Soft).SelectMany(p => ParkedOn(p.Resource)).Distinct().ToList();
    }

    /// <summary>The optional features inside <paramref name="container"/> that are off, with the parameters each needs.</summary>
    public IReadOnlyList<(string Feature, IReadOnlyList<ParameterResource> Needs)> FeaturesOff(ContainerResource container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.Annotations.OfType<OptionalFeatureAnnotation>().Where(f => !f.IsWholeResource)
            .Select(f => (f.Feature, Needs: (IReadOnlyList<ParameterResource>)f.Parameters.Where(p => IsMissing(p) || IsEmpty(p)).ToList()))
            .Where(f => f.Needs.Count > 0).ToList();
    }

    /// <summary>Every parameter some container is blocked on, with those containers, in model order.</summary>
    public IReadOnlyList<(ParameterResource Parameter, IReadOnlyList<string> Resources)> Missing()
    {
        var blocked = _plan.Containers.SelectMany(c => Blocking(c).Select(p => (Parameter: p, c.Name))).ToList();
        return Parameters.Where(p => blocked.Any(b => b.Parameter == p))
            .Select(p => (p, (IReadOnlyList<string>)blocked.Where(b => b.Parameter == p).Select(b => b.Name).ToList())).ToList();
    }

    /// <summary>The state a blocked container shows: waiting (with the command that sets the value) or, for an optional feature, off.</summary>
    public static ResourceSnapshot Describe(ContainerResource container, IReadOnlyList<ParameterResource> blocking)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(blocking);
        var names = Names(blocking);
        var set = SetCommand(blocking[0]) + (blocking.Count > 1 ? "; `params` lists the others" : "");
        return container.Annotations.OfType<OptionalFeatureAnnotation>().FirstOrDefault(f => f.IsWholeResource) is { } feature
            ? new ResourceSnapshot(container.Name, ResourceState.NotStarted, Reason: $"off ({feature.Feature}): needs {names}; to turn it on: {set}")
            : new ResourceSnapshot(container.Name, ResourceState.Waiting, Reason: $"needs parameter {names}: {set}");
    }

    /// <summary>How a developer sets <paramref name="parameter"/>: user-secrets, or the environment.</summary>
    public static string SetCommand(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return $"dotnet user-secrets set {parameter.ConfigurationKey} <value> --project Servarr.AppHost (or env {parameter.EnvironmentVariableName}=<value>)";
    }

    /// <summary>Parameter names as the status shows them: <c>`a`, `b`</c>.</summary>
    public static string Names(IEnumerable<ParameterResource> parameters) => string.Join(", ", parameters.Select(p => $"`{p.Name}`"));

    /// <summary>Gives <paramref name="parameter"/> a value now (kept in user-secrets) and wakes the containers waiting for it.</summary>
    public void Provide(ParameterResource parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        _values.Provide(parameter, value);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Provided?.Invoke(parameter);
    }

    /// <summary>
    /// Completes when the next value is provided. Take it before checking <see cref="Blocking"/> or <see cref="ParkedOn"/>,
    /// so a value given in between is not missed.
    /// </summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Whether <paramref name="parameter"/> has no value at all (neither configured nor defaulted).</summary>
    public bool IsMissing(ParameterResource parameter) => _values.Resolve(parameter).Source == ParameterValueSource.Missing;

    private bool IsEmpty(ParameterResource parameter) => string.IsNullOrEmpty(_values.Resolve(parameter).Value);
}
