using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Start order: <c>WaitFor</c> (healthy) and <c>WaitForCompletion</c> (exited).</summary>
public static class WaitBuilderExtensions
{



    /// <summary>
    /// Declares that the app is healthy when its endpoint accepts a TCP connection (the AppHost probes it in run mode);
    /// for apps whose HTTP answers need credentials.
    /// </summary>
    /// <example><code>kopia.WithTcpHealthCheck("http");</code></example>
    /// <summary>
    /// Declares the app's HTTP health path (a status page answering 200): compose and Kubernetes probe it, Uptime Kuma
    /// monitors it, and run mode checks it through the container's own health command.
    /// </summary>
    /// <example><code>builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4.0.19.2979-ls316").WithHealthPath("/ping");</code></example>
    public static IResourceBuilder<T> WithHealthPath<T>(this IResourceBuilder<T> builder, string path = "/",
        string endpointName = "http", int statusCode = 200) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithHealthPath({InputChecks.Quote(path)})", () => new HttpHealthCheckAnnotation(path, endpointName, statusCode));
    }

    /// <summary>Declares that the app is healthy while its endpoint accepts TCP connections.</summary>
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
