using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>Admin ports on the host's 127.0.0.1: each names an endpoint the resource has, and no two take one host port.</summary>
internal static class LoopbackPortRules
{
    public static void Check(ValidationContext context)
    {
        var taken = new Dictionary<int, string>();
        foreach (var container in context.Model.Containers)
        {
            foreach (var loopback in container.Annotations.OfType<LoopbackPortAnnotation>())
            {
                if (!container.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == loopback.EndpointName))
                {
                    context.Report(container, $"its loopback port {loopback.HostPort} names endpoint '{loopback.EndpointName}', which it does not have; pass the name of one of its endpoints to WithLoopbackPort");
                }
                else if (taken.TryGetValue(loopback.HostPort, out var first))
                {
                    context.Report(container, $"its loopback port 127.0.0.1:{loopback.HostPort} is taken by '{first}'; give one of them another port with .WithLoopbackPort(hostPort: ...)");
                }
                else
                {
                    taken[loopback.HostPort] = container.Name;
                }
            }
        }
    }
}
