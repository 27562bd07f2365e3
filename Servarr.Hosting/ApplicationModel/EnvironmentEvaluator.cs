namespace Servarr.Hosting.ApplicationModel;

/// <summary>Turns a resource's environment annotations and callbacks into one ordered list of variables.</summary>
public static class EnvironmentEvaluator
{
    /// <summary>
    /// Evaluates the environment of <paramref name="resource"/> in annotation order; a later value for the
    /// same name replaces an earlier one but keeps its position.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, ReferenceExpression>> Evaluate(IResource resource,
        DistributedApplicationExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(executionContext);
        var names = new List<string>();
        var values = new Dictionary<string, ReferenceExpression>(StringComparer.Ordinal);
        void Set(string name, ReferenceExpression value)
        {
            if (!values.ContainsKey(name))
            {
                names.Add(name);
            }

            values[name] = value;
        }

        EnvironmentCallbackContext? context = null;
        foreach (var annotation in resource.Annotations)
        {
            if (annotation is EnvironmentVariableAnnotation variable)
            {
                Set(variable.Name, variable.Value);
            }
            else if (annotation is EnvironmentCallbackAnnotation callback)
            {
                // One context per resource, emptied after each callback: each callback sees only what it adds.
                context ??= new EnvironmentCallbackContext(executionContext);
                callback.Callback(context);
                foreach (var (name, value) in context.EnvironmentVariables)
                {
                    Set(name, ToExpression(resource, name, value));
                }

                context.EnvironmentVariables.Clear();
            }
        }

        return names.Select(n => new KeyValuePair<string, ReferenceExpression>(n, values[n])).ToList();
    }

    /// <summary>Converts a value given to <c>WithEnvironment</c> or a callback into an expression.</summary>
    public static ReferenceExpression ToExpression(IResource resource, string name, object? value) => value switch
    {
        ReferenceExpression expression => expression,
        string text => ReferenceExpression.Literal(text),
        IValueReference reference => ReferenceExpression.Of(reference),
        IResourceBuilder<ParameterResource> parameter => ReferenceExpression.Of(parameter.Resource),
        bool flag => ReferenceExpression.Literal(flag ? "true" : "false"),
        IFormattable formattable => ReferenceExpression.Literal(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException(
            $"resource '{resource.Name}': environment variable '{name}' has a value of type {value?.GetType().Name ?? "null"}; use a string, a parameter, an endpoint or an interpolated string."),
    };
}
