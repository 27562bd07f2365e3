using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The order in which run mode starts the containers, from <c>WaitFor</c>, <c>WithVpn</c> and <c>WithReference</c> (soft):
/// each container starts as soon as its prerequisites are met, so independent ones start in parallel. Pure: built
/// from a validated model, no Docker.
/// </summary>
public sealed class StartPlan
{
    private readonly Dictionary<ContainerResource, IReadOnlyList<StartPrerequisite>> _prerequisites;

    private StartPlan(IReadOnlyList<ContainerResource> containers, Dictionary<ContainerResource, IReadOnlyList<StartPrerequisite>> prerequisites,
        IReadOnlyList<IReadOnlyList<ContainerResource>> waves)
    {
        Containers = containers;
        _prerequisites = prerequisites;
        Waves = waves;
    }

    /// <summary>Every container, in model order.</summary>
    public IReadOnlyList<ContainerResource> Containers { get; }

    /// <summary>Containers grouped by depth: wave 0 waits for nothing, wave n only for waves before it.</summary>
    public IReadOnlyList<IReadOnlyList<ContainerResource>> Waves { get; }

    /// <summary>What <paramref name="container"/> waits for (the strongest condition per resource).</summary>
    public IReadOnlyList<StartPrerequisite> PrerequisitesOf(ContainerResource container) => _prerequisites[container];

    /// <summary>Builds the plan. The model must be valid (no cycles); a cycle throws.</summary>
    public static StartPlan Create(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var containers = model.Containers.ToList();
        var prerequisites = containers.ToDictionary(c => c, Prerequisites, ReferenceEqualityComparer.Instance as IEqualityComparer<ContainerResource>);
        var depth = new Dictionary<ContainerResource, int>(ReferenceEqualityComparer.Instance);
        var visiting = new HashSet<ContainerResource>(ReferenceEqualityComparer.Instance);
        int Depth(ContainerResource container)
        {
            if (depth.TryGetValue(container, out var known))
            {
                return known;
            }

            if (!visiting.Add(container))
            {
                throw new InvalidOperationException($"resource '{container.Name}' is part of a dependency cycle; validate the model first.");
            }

            var own = prerequisites[container].Select(p => Depth(p.Resource) + 1).DefaultIfEmpty(0).Max();
            visiting.Remove(container);
            return depth[container] = own;
        }

        containers.ForEach(c => Depth(c));
        var waves = containers.GroupBy(c => depth[c]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<ContainerResource>)g.ToList()).ToList();
        return new StartPlan(containers, prerequisites, waves);
    }

    private static IReadOnlyList<StartPrerequisite> Prerequisites(ContainerResource container)
    {
        var edges = new List<StartPrerequisite>();
        foreach (var annotation in container.Annotations)
        {
            switch (annotation)
            {
                case WaitAnnotation { Target: ContainerResource target, Type: WaitType.Completion } wait:
                    edges.Add(new(target, StartCondition.Completed, wait.ExitCode));
                    break;
                case WaitAnnotation { Target: ContainerResource target }:
                    edges.Add(new(target, HasHealthCheck(target) ? StartCondition.Healthy : StartCondition.Running));
                    break;
                case VpnAnnotation { Gateway: ContainerResource gateway }:
                    edges.Add(new(gateway, StartCondition.Running));
                    break;
                case ResourceReferenceAnnotation { Target: ContainerResource target }:
                    edges.Add(new(target, StartCondition.Running, Soft: true));
                    break;
            }
        }

        // One edge per resource, the strongest condition wins (Completed > Healthy > Running); soft only when every edge is.
        return edges.Where(e => !ReferenceEquals(e.Resource, container))
            .GroupBy(e => e.Resource, ReferenceEqualityComparer.Instance)
            .Select(g => g.OrderByDescending(e => e.Condition).ThenBy(e => e.Soft).First() with { Soft = g.All(e => e.Soft) })
            .ToList();
    }

    /// <summary>Whether the container reports health: an HTTP or TCP check, a health command, or the image's own.</summary>
    public static bool HasHealthCheck(IResource resource) =>
        resource.Annotations.Any(a => a is HttpHealthCheckAnnotation or TcpHealthCheckAnnotation or ContainerHealthCheckAnnotation or ImageHealthCheckAnnotation);
}
