using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>References, waits and shared namespaces must point at resources in the model and must not form a cycle.</summary>
internal static class GraphRules
{
    public static void Check(ValidationContext context)
    {
        var inModel = new HashSet<IResource>(context.Model.Resources, ReferenceEqualityComparer.Instance);
        foreach (var resource in context.Model.Resources)
        {
            foreach (var target in resource.GetDependencies().Concat(ValueOwners(context, resource)).Distinct())
            {
                if (!inModel.Contains(target))
                {
                    context.Report(resource, $"refers to '{target.Name}', which is not in the model; add it with builder.Add...(\"{target.Name}\") or remove the reference");
                }
                else if (ReferenceEquals(target, resource))
                {
                    context.Report(resource, "refers to or waits for itself; remove that WithReference/WaitFor");
                }
            }

            // Servarr's references to one endpoint, and Aspire's WithReference(endpoint) (an EndpointReferenceAnnotation).
            var named = resource.Annotations.OfType<ResourceReferenceAnnotation>().Where(r => r.EndpointName is not null)
                .Select(r => (r.Target, Name: r.EndpointName!))
                .Concat(resource.Annotations.OfType<EndpointReferenceAnnotation>().SelectMany(r => r.EndpointNames.Select(n => ((IResource)r.Resource, Name: n))))
                .Distinct();
            foreach (var (target, name) in named)
            {
                if (inModel.Contains(target) && target.FindEndpoint(name) is null)
                {
                    context.Report(resource, $"refers to endpoint '{name}' of '{target.Name}', which has no such endpoint; use one of: {string.Join(", ", target.GetEndpointAnnotations().Select(e => e.Name).DefaultIfEmpty("(none)"))}");
                }
            }
        }

        foreach (var cycle in FindCycles(context.Model.Resources.ToList()))
        {
            context.Report(cycle[0], $"dependency cycle {string.Join(" -> ", cycle.Select(r => r.Name))}; remove one WithReference/WaitFor so the stack has a start order");
        }
    }

    /// <summary>The owners of parameters and endpoints used in environment, args, mounts, labels and user.</summary>
    internal static IEnumerable<IResource> ValueOwners(ValidationContext context, IResource resource) =>
        Expressions(context, resource).SelectMany(e => e.References).Select(ServarrExpressions.OwnerOf).OfType<IResource>();

    /// <summary>Every expression a resource uses, environment callbacks evaluated.</summary>
    internal static IEnumerable<ReferenceExpression> Expressions(ValidationContext context, IResource resource)
    {
        IEnumerable<KeyValuePair<string, ReferenceExpression>> environment;
        try
        {
            environment = EnvironmentEvaluator.Evaluate(resource, context.ExecutionContext);
        }
        catch (InvalidOperationException exception)
        {
            context.Report(resource, exception.Message.Replace($"resource '{resource.Name}': ", "", StringComparison.Ordinal));
            environment = [];
        }

        return environment.Select(e => e.Value).Concat(resource.GetExpressionsBesidesEnvironment());
    }

    private static List<List<IResource>> FindCycles(IReadOnlyList<IResource> resources)
    {
        var cycles = new List<List<IResource>>();
        var state = new Dictionary<IResource, int>(ReferenceEqualityComparer.Instance);
        var path = new List<IResource>();
        void Visit(IResource resource)
        {
            state[resource] = 1;
            path.Add(resource);
            foreach (var next in resource.GetDependencies().Where(d => !ReferenceEquals(d, resource)).Distinct())
            {
                var seen = state.GetValueOrDefault(next);
                if (seen == 1)
                {
                    cycles.Add([.. path.Skip(path.IndexOf(next)), next]);
                }
                else if (seen == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[resource] = 2;
        }

        foreach (var resource in resources.Where(r => !state.ContainsKey(r)))
        {
            Visit(resource);
        }

        return cycles;
    }
}
