using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Network zones hold what the model says: an app can reach what it references and waits for (Kubernetes waits with a
/// connection), the tunnel can reach every app it publishes, and Uptime Kuma every app it monitors over HTTP. Refused otherwise, with the network to add.
/// </summary>
internal static class ZoneRules
{
    public static void Check(ValidationContext context)
    {
        var zones = new NetworkZones(context.Model);
        foreach (var container in context.Model.Containers)
        {
            var targets = GraphRules.ValueOwners(context, container)
                .Select(t => (Target: t, Why: "references"))
                .Concat(container.Annotations.OfType<WaitAnnotation>().Select(w => (Target: w.Resource, Why: "waits for")))
                .Where(t => t.Target is ContainerResource && t.Target != container)
                .DistinctBy(t => t.Target);
            foreach (var (target, why) in targets)
            {
                var other = (ContainerResource)target;
                if (!zones.CanReach(container, other))
                {
                    context.Report(container, $"{why} '{other.Name}' but they share no network ({Describe(zones, container)}; '{other.Name}' is on {Join(zones.Of(other))}); add .WithNetwork({zones.Of(other)[0]}) to '{(container.GetVpnGateway() ?? container).Name}'");
                }
            }
        }

        foreach (var kuma in context.Model.Containers.OfType<AutoKumaResource>().Select(a => a.UptimeKuma).Distinct())
        {
            foreach (var app in context.Model.Containers.Where(c => c.Annotations.OfType<HttpHealthCheckAnnotation>().Any()
                && !c.Annotations.OfType<MonitoringExclusionAnnotation>().Any() && !zones.CanReach(kuma, c)))
            {
                context.Report(app, $"gets an HTTP monitor but '{kuma.Name}' cannot reach it ('{kuma.Name}' is on {Join(zones.Of(kuma))}, '{app.Name}' on {Join(zones.Of(app))}); add .WithNetwork({zones.Of(app)[0]}) to '{kuma.Name}', or .WithoutMonitoring(\"why\") to '{app.Name}'");
            }
        }

        foreach (var tunnel in context.Model.Containers.Where(c => c is ITunnelResource))
        {
            foreach (var app in context.Model.Containers.Where(c => c.Annotations.OfType<PublicHostnameAnnotation>().Any() && !zones.CanReach(tunnel, c)))
            {
                context.Report(app, $"has a public hostname but tunnel '{tunnel.Name}' cannot reach it ('{tunnel.Name}' is on {Join(zones.Of(tunnel))}, '{app.Name}' on {Join(zones.Of(app))}); add .WithNetwork({zones.Of(tunnel)[0]}) to '{(app.GetVpnGateway() ?? app).Name}'");
            }
        }
    }

    private static string Describe(NetworkZones zones, ContainerResource container) => $"'{container.Name}' is on {Join(zones.Of(container))}";

    private static string Join(IReadOnlyList<string> zones) => string.Join(" and ", zones);
}
