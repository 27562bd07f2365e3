using System.Net;
using System.Net.Sockets;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Chooses a 127.0.0.1 port for every HTTP endpoint the model does not publish, so the status table and dashboard
/// links open from the developer's machine: the app's own port when it is free (stable across runs), else any free one.
/// Tests ask for random ports instead, for every HTTP endpoint including those the model publishes (Plex's 32400), so
/// a test run never takes a port a real stack on the same machine uses.
/// </summary>
public static class DevelopmentPorts
{
    /// <summary>
    /// Assigns ports; <paramref name="isFree"/> tells whether a port can be bound on 127.0.0.1 (probed for real by
    /// default); <paramref name="random"/> gives every HTTP endpoint, published or not, a free ephemeral port.
    /// <paramref name="held"/> are the ports the app's persistent containers already publish (container name and
    /// container port → host port): they are kept, so an adopted container's spec, and so its hash, stays the same.
    /// </summary>
    public static IReadOnlyDictionary<(string Resource, string Endpoint), int> Assign(DistributedApplicationModel model, Func<int, bool>? isFree = null,
        bool random = false, IReadOnlyDictionary<(string Container, int ContainerPort), int>? held = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        isFree = random ? _ => false : isFree ?? CanBind;
        var taken = new HashSet<int>(model.Containers.SelectMany(c => c.GetEndpoints()).Where(e => e.Port is not null).Select(e => e.Port!.Value));
        var assigned = new Dictionary<(string, string), int>();
        foreach (var container in model.Containers)
        {
            foreach (var endpoint in container.GetEndpoints().Where(e => (random || e.Port is null) && e.TargetPort is not null && e.Scheme is "http" or "https"))
            {
                var publisher = container.GetVpnGateway()?.Name ?? container.Name;
                var port = endpoint.TargetPort!.Value;
                if (!random && held?.TryGetValue((publisher, port), out var kept) == true && !taken.Contains(kept))
                {
                    port = kept;
                }
                else if (taken.Contains(port) || !isFree(port))
                {
                    port = AnyFreePort(taken);
                }

                taken.Add(port);
                assigned[(container.Name, endpoint.Name)] = port;
            }
        }

        return assigned;
    }

    /// <summary>A port free on 127.0.0.1 now and not in <paramref name="taken"/>.</summary>
    public static int AnyFreePort(HashSet<int> taken)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
            {
                return port;
            }
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
