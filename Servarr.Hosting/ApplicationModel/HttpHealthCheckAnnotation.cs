namespace Servarr.Hosting.ApplicationModel;

/// <summary>An HTTP path that answers 2xx when the app is healthy, probed by the AppHost, Kubernetes and monitors.</summary>
public sealed class HttpHealthCheckAnnotation : IResourceAnnotation
{
    /// <summary>Records an HTTP health check.</summary>
    public HttpHealthCheckAnnotation(string path, string endpointName, int statusCode = 200)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"health path '{path}' does not start with '/'; pass e.g. \"/{path.TrimStart('.', '/')}\"", nameof(path));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        Path = path;
        EndpointName = endpointName;
        StatusCode = statusCode;
    }

    /// <summary>The path, e.g. <c>/ping</c>.</summary>
    public string Path { get; }

    /// <summary>The endpoint it is served on.</summary>
    public string EndpointName { get; }

    /// <summary>The expected status code.</summary>
    public int StatusCode { get; }
}
