using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Diagnostics;

/// <summary>
/// What <c>doctor</c> prints: how exposed the stack is, read from the model alone (no engine) — host ports, public
/// hostnames, Docker socket users, privileges, writable mounts, and who reaches whom through the network zones.
/// Non-secret parameter values fill in paths and the domain; secret values are never read.
/// </summary>
public static class ExposureReport
{
    /// <summary>Renders the report for <paramref name="model"/>; <paramref name="value"/> gives non-secret parameter values (null: unknown).</summary>
    public static string Render(DistributedApplicationModel model, Func<ParameterResource, string?> value)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(value);
        bool IsSocket(ServarrMountAnnotation m) => Validation.HardeningRules.IsDockerSocket(m, m.Type == ContainerMountType.BindMount ? Show(m.Source) : null);
        string Show(ReferenceExpression e) => e.Render(r => r is ParameterResource { Secret: false } p ? value(p) ?? $"{{{p.Name}}}" : $"{{{ServarrExpressions.OwnerOf(r)?.Name}}}");
        var containers = model.Containers.ToList();
        var text = new StringBuilder();

        Section(text, "Host ports (published on every interface)");
        foreach (var c in containers.Where(c => c.GetEndpointAnnotations().Any(e => e.Port is not null)))
        {
            var why = c.Annotations.OfType<HostPortAnnotation>().FirstOrDefault()?.Reason ?? "no reason given";
            Line(text, c.Name, string.Join(", ", c.GetEndpointAnnotations().Where(e => e.Port is not null).Select(e => $"{e.Port}/{(e.Protocol == System.Net.Sockets.ProtocolType.Udp ? "udp" : "tcp")}")), why);
        }

        Section(text, "Admin ports on the host's 127.0.0.1 (published deployments; reach them over SSH)");
        foreach (var c in containers.Where(c => c.Annotations.OfType<LoopbackPortAnnotation>().Any()))
        {
            var where = c.GetVpnGateway() is { } gateway ? $"on '{gateway.Name}'" : "";
            Line(text, c.Name, string.Join(", ", c.Annotations.OfType<LoopbackPortAnnotation>().Select(a => $"127.0.0.1:{a.HostPort} ({a.EndpointName})")), where);
        }

        Section(text, "Public hostnames (the only way in from the internet)");
        foreach (var tunnel in model.Resources.OfType<ITunnelResource>())
        {
            var domain = value(tunnel.Domain) is { Length: > 0 } d ? d : $"{{{tunnel.Domain.Name}}}";
            text.Append("  tunnel '").Append(tunnel.Name).Append("', ").Append(tunnel.ModeName).Append(" mode\n");
            foreach (var rule in PublicRoutes.Of(model, domain))
            {
                var guard = string.Join("; ", new[] { rule.PathReason is { } only ? $"only {only}" : null, rule.SignInRequired ? "sign-in first (Cloudflare Access, admin_emails)" : null }.OfType<string>());
                Line(text, rule.Hostname, rule.Service, guard);
            }

            Line(text, "anything else", "http_status:404", "");
        }

        Section(text, "Docker socket (read-only stops writes to the file, not API calls: each of these is root on the host)");
        foreach (var c in containers.Where(c => c.GetMounts().Any(IsSocket)))
        {
            var mount = c.GetMounts().First(IsSocket);
            Line(text, c.Name, mount.IsReadOnly ? "read-only" : "WRITABLE", c.Annotations.OfType<DockerSocketAccessAnnotation>().FirstOrDefault()?.Reason ?? "no reason given");
        }

        Section(text, "Privileges");
        var newPrivileges = containers.Where(c => !c.HasNoNewPrivileges()).ToList();
        text.Append("  no-new-privileges: ").Append(containers.Count - newPrivileges.Count).Append(" of ").Append(containers.Count)
            .Append(" containers").Append(newPrivileges.Count == 0 ? "\n" : $" (not: {string.Join(", ", newPrivileges.Select(c => $"{c.Name} — {c.Annotations.OfType<AllowNewPrivilegesAnnotation>().First().Reason}"))})\n");
        text.Append("  privileged containers: none in the model (Servarr cannot declare one; doctor checks the escape hatches' objects)\n");
        var engineDefaults = containers.Where(c => !CapabilitySet.Of(c).DropsAll).Select(c => c.Name).ToList();
        text.Append("  capabilities: ").Append(containers.Count - engineDefaults.Count).Append(" of ").Append(containers.Count)
            .Append(" containers drop all but what they declare").Append(engineDefaults.Count == 0 ? "\n"
                : $" (the engine's defaults: {string.Join(", ", engineDefaults)}; declare what the image needs with .WithOnlyCapabilities(...))\n");
        foreach (var c in containers.Where(c => CapabilitySet.Of(c).Added.Count > 0 || c.Annotations.OfType<DeviceAnnotation>().Any()))
        {
            var kept = c.Annotations.OfType<OnlyCapabilitiesAnnotation>().LastOrDefault()?.Kept ?? [];
            var parts = CapabilitySet.Of(c).Added.Select(a => $"{(kept.Contains(a) ? "keeps" : "adds")} {a}")
                .Concat(c.Annotations.OfType<DeviceAnnotation>().Select(d => $"device {d.HostPath}"));
            Line(text, c.Name, string.Join(", ", parts), "");
        }

        Section(text, "Writable mounts (what a compromised app can change on the host)");
        foreach (var c in containers)
        {
            foreach (var mount in c.GetMounts().Where(m => !m.IsReadOnly))
            {
                var source = mount.Type == ContainerMountType.Volume ? $"volume {mount.VolumeName}" : Show(mount.Source);
                Line(text, c.Name, $"{mount.Target} <- {source}", mount.Purpose == ContainerMountPurpose.Other ? "" : mount.Purpose.ToString().ToLowerInvariant());
            }
        }

        var zones = new NetworkZones(model);
        Section(text, "Network zones (containers on a zone reach each other; apps behind a VPN are in their gateway's place)");
        foreach (var zone in zones.All)
        {
            var members = zones.Members(zone).Select(m => Behind(containers, m) is { Count: > 0 } behind ? $"{m.Name} (+ {string.Join(", ", behind)})" : m.Name);
            Line(text, zone, string.Join(", ", members), "");
        }

        Section(text, "Who calls whom (references, and the address used)");
        foreach (var c in containers)
        {
            // The model's references (whether or not they put anything in the environment), then endpoints named in it.
            var referenced = c.Annotations.OfType<ResourceReferenceAnnotation>()
                .Where(r => r.Target is IResourceWithEndpoints)
                .SelectMany(r => ((IResourceWithEndpoints)r.Target).GetEndpointAnnotations().Where(e => r.EndpointName is null || e.Name == r.EndpointName)
                    .Select(e => new EndpointReference((IResourceWithEndpoints)r.Target, e.Name)));
            var inEnvironment = EnvironmentEvaluator.Evaluate(c, ServarrExecution.Publish)
                .SelectMany(e => e.Value.References).OfType<EndpointReferenceExpression>().Select(r => r.Endpoint);
            var targets = referenced.Concat(inEnvironment)
                .Select(r => $"{r.Resource.Name} at {InNetworkAddress.Render(r.Property(EndpointProperty.Url))}")
                .Distinct().ToList();
            if (targets.Count > 0)
            {
                Line(text, c.Name, string.Join(", ", targets), "");
            }
        }

        var warnings = containers.SelectMany(c => c.Annotations.OfType<ExposureWarningAnnotation>().Select(w => (c.Name, w.Warning))).ToList();
        if (warnings.Count > 0)
        {
            Section(text, "Warnings (they stop nothing; read them once)");
            foreach (var (name, warning) in warnings)
            {
                Line(text, name, warning, "");
            }
        }

        Section(text, "Run mode");
        text.Append("  Aspire's orchestrator publishes every endpoint on 127.0.0.1 (a host port the model fixes, Plex's 32400, too);\n")
            .Append("  the apps behind the VPN are reached through their gateway's ports; the dashboard listens on localhost only\n");
        return text.ToString();
    }

    private static List<string> Behind(IEnumerable<ContainerResource> containers, ContainerResource gateway) =>
        containers.Where(c => c.GetVpnGateway() == gateway).Select(c => c.Name).ToList();

    private static void Section(StringBuilder text, string title) => text.Append(text.Length == 0 ? "" : "\n").Append(title).Append('\n');

    private static void Line(StringBuilder text, string what, string detail, string why)
    {
        text.Append("  ").Append(what.PadRight(20)).Append(' ').Append(detail);
        if (why.Length > 0)
        {
            text.Append("  — ").Append(why);
        }

        text.Append('\n');
    }
}
