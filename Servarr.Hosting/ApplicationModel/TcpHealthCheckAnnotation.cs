namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// An endpoint that accepts TCP connections when the app is healthy, probed by the AppHost in run mode: for apps whose
/// HTTP answers need credentials (Kopia's server, Gluetun's control server).
/// </summary>
public sealed class TcpHealthCheckAnnotation : IResourceAnnotation
{
    /// <summary>Records a TCP health check on <paramref name="endpointName"/>.</summary>
    public TcpHealthCheckAnnotation(string endpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        EndpointName = endpointName;
    }

    /// <summary>The endpoint whose port must accept a connection.</summary>
    public string EndpointName { get; }
}
