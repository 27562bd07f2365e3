using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Health checks as probes: the HTTP health path (else the TCP check, else the health command) is the readiness probe
/// — what gates Services and the init containers that wait — and, more patient, the liveness probe.
/// </summary>
public static class KubernetesProbes
{
    /// <summary>Readiness and liveness probes of <paramref name="resource"/>, or nulls without a check.</summary>
    public static (V1Probe? Readiness, V1Probe? Liveness) For(ContainerResource resource, List<string> notMapped)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(notMapped);
        V1Probe? Probe(int period, int failures, int initialDelay)
        {
            var probe = new V1Probe { PeriodSeconds = period, FailureThreshold = failures, InitialDelaySeconds = initialDelay, TimeoutSeconds = 5 };
            if (resource.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var http) && resource.FindEndpoint(http.EndpointName)?.TargetPort is { } httpPort)
            {
                probe.HttpGet = new V1HTTPGetAction { Path = http.Path, Port = httpPort, Scheme = resource.FindEndpoint(http.EndpointName)!.UriScheme.ToUpperInvariant() };
            }
            else if (resource.TryGetLastAnnotation<TcpHealthCheckAnnotation>(out var tcp) && resource.FindEndpoint(tcp.EndpointName)?.TargetPort is { } tcpPort)
            {
                probe.TcpSocket = new V1TCPSocketAction { Port = tcpPort };
            }
            else if (resource.TryGetLastAnnotation<ContainerHealthCheckAnnotation>(out var command))
            {
                probe.Exec = new V1ExecAction { Command = [.. command.Command] };
            }
            else
            {
                return null;
            }

            return probe;
        }

        if (resource.Annotations.OfType<ImageHealthCheckAnnotation>().Any() && !StartPlanHasOwnCheck(resource))
        {
            notMapped.Add($"{resource.Name}: the image's own HEALTHCHECK (Kubernetes ignores it; add WithHttpHealthCheck for a probe)");
        }

        return (Probe(period: 10, failures: 3, initialDelay: 5), Probe(period: 30, failures: 5, initialDelay: 60));
    }

    private static bool StartPlanHasOwnCheck(ContainerResource resource) =>
        resource.Annotations.Any(a => a is HttpHealthCheckAnnotation or TcpHealthCheckAnnotation or ContainerHealthCheckAnnotation);
}
