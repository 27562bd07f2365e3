using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Start order: <c>WaitFor</c> (healthy) and <c>WaitForCompletion</c> (exited).</summary>
public static class WaitBuilderExtensions
{
    /// <summary>Starts this resource only once <paramref name="dependency"/> runs and is healthy.</summary>
    /// <example><code>seerr.WaitFor(sonarr);</code></example>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.Healthy));
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> has exited with <paramref name="exitCode"/>.</summary>
    /// <example><code>app.WaitForCompletion(migrations);</code></example>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency,
        int exitCode = 0) where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.Completion, exitCode));
    }

    /// <summary>Declares an HTTP health path, probed on endpoint <paramref name="endpointName"/>.</summary>
    /// <example><code>sonarr.WithHttpHealthCheck("/ping");</code></example>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/",
        string endpointName = "http", int statusCode = 200) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new HttpHealthCheckAnnotation(path, endpointName, statusCode));
    }

    /// <summary>
    /// Declares that the app is healthy when its endpoint accepts a TCP connection (the AppHost probes it in run mode);
    /// for apps whose HTTP answers need credentials.
    /// </summary>
    /// <example><code>kopia.WithTcpHealthCheck("http");</code></example>
    public static IResourceBuilder<T> WithTcpHealthCheck<T>(this IResourceBuilder<T> builder, string endpointName = "http") where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new TcpHealthCheckAnnotation(endpointName), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Declares the health command run inside the container (compose <c>healthcheck</c>); it must use only what the
    /// image ships.
    /// </summary>
    /// <example>
    /// <code>
    /// sonarr.WithContainerHealthCheck(["curl", "-fsS", "http://localhost:8989/ping"], interval: TimeSpan.FromSeconds(15));
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithContainerHealthCheck<T>(this IResourceBuilder<T> builder, IReadOnlyList<string> command,
        TimeSpan? interval = null, TimeSpan? timeout = null, int retries = 5, TimeSpan? startPeriod = null) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ContainerHealthCheckAnnotation(command, interval ?? TimeSpan.FromSeconds(15),
            timeout ?? TimeSpan.FromSeconds(5), retries, startPeriod ?? TimeSpan.FromSeconds(30)), ResourceAnnotationMutationBehavior.Replace);
    }
}
