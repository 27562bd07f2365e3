namespace Servarr.Hosting.ApplicationModel;

/// <summary>Turns a resource's environment annotations and callbacks into one ordered list of variables.</summary>
public static class EnvironmentEvaluator
{
    /// <summary>Every environment variable of <paramref name="resource"/>, in declaration order, as expressions.</summary>
    /// <remarks>
    /// Aspire's callbacks are asynchronous; the ones Servarr and Aspire's builders add complete at once, so publishers read
    /// them synchronously. A callback that really waits is refused with the resource's name.
    /// </remarks>
    public static IReadOnlyList<KeyValuePair<string, ReferenceExpression>> Evaluate(IResource resource,
        DistributedApplicationExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(executionContext);
        var names = new List<string>();
        var values = new Dictionary<string, ReferenceExpression>(StringComparer.Ordinal);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            // One dictionary per callback: each callback sees only what it adds.
            var variables = new Dictionary<string, object>(StringComparer.Ordinal);
            var context = new EnvironmentCallbackContext(executionContext, resource, variables, CancellationToken.None);
            var pending = callback.Callback(context);
            if (!pending.IsCompleted)
            {
                throw new InvalidOperationException(
                    $"resource '{resource.Name}': an environment callback waits for something; publishers need callbacks that complete at once.");
            }

            pending.GetAwaiter().GetResult();
            foreach (var (name, value) in variables)
            {
                if (!values.ContainsKey(name))
                {
                    names.Add(name);
                }

                values[name] = ServarrExpressions.ToExpression(resource, name, value);
            }
        }

        return names.Select(n => new KeyValuePair<string, ReferenceExpression>(n, values[n])).ToList();
    }
}
