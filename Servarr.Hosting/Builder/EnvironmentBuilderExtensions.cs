using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Environment variables: text, parameters, endpoints, interpolated strings and callbacks.</summary>
public static class EnvironmentBuilderExtensions
{
    /// <summary>Sets <paramref name="name"/> to a fixed text.</summary>
    /// <example><code>sonarr.WithEnvironment("SONARR__LOG__LEVEL", "info");</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EnvironmentVariableAnnotation(name, ReferenceExpression.Literal(value)));
    }

    /// <summary>Sets <paramref name="name"/> to text with holes, e.g. <c>$"https://requests.{domain}"</c>.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name,
        in ReferenceExpression.ExpressionInterpolatedStringHandler value) where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EnvironmentVariableAnnotation(name, ReferenceExpression.Create(value)));
    }

    /// <summary>Sets <paramref name="name"/> to an expression.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EnvironmentVariableAnnotation(name, value));
    }

    /// <summary>Sets <paramref name="name"/> to a parameter's value (<c>{tz.value}</c> in the manifest, <c>${TZ}</c> in compose).</summary>
    /// <example><code>plex.WithEnvironment("TZ", tz);</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name,
        IResourceBuilder<ParameterResource> parameter) where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(parameter);
        return builder.WithAnnotation(new EnvironmentVariableAnnotation(name, ReferenceExpression.Of(parameter.Resource)));
    }

    /// <summary>Sets <paramref name="name"/> to an endpoint's URL (<c>http://sonarr:8989</c> inside the stack).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);
        return builder.WithAnnotation(new EnvironmentVariableAnnotation(name, ReferenceExpression.Of(endpoint)))
            .WithAnnotation(new ResourceReferenceAnnotation(endpoint.Resource, endpoint.EndpointName));
    }

    /// <summary>Sets <paramref name="name"/> to a value computed when the stack runs or is published, not when declared.</summary>
    /// <example><code>app.WithEnvironment("BUILD_DATE", () => DateTime.UtcNow.ToString("yyyy-MM-dd"));</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string> value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value()));
    }

    /// <summary>Adds variables computed when the stack runs or is published.</summary>
    /// <example>
    /// <code>
    /// app.WithEnvironment(context =>
    /// {
    ///     if (context.ExecutionContext.IsRunMode) { context.EnvironmentVariables["LOG_LEVEL"] = "debug"; }
    /// });
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));
    }
}
