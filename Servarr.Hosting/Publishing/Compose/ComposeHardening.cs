using System.Text.RegularExpressions;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Checks the compose services as they will be written, after <c>PublishAsComposeService</c>: no host network or other
/// container's namespace, capabilities and devices from the allow-list, no engine socket or system folder the model
/// would refuse, <c>no-new-privileges</c> kept, no kernel protection turned off, no host port the model did not
/// declare. Only services changed by the escape hatch are checked: the rest is the validated model.
/// </summary>
internal static partial class ComposeHardening
{
    private const string Hatch = "PublishAsComposeService";

    public static IReadOnlyList<ValidationProblem> Check(PublishContext context, ComposeFile file, string outputDirectory)
    {
        var problems = new List<ValidationProblem>();
        var namespaces = new NetworkNamespaces(context.Model);
        foreach (var resource in context.Model.Containers.Where(c => c.Annotations.OfType<ComposeServiceCustomizationAnnotation>().Any()))
        {
            if (!file.Services.TryGetValue(resource.Name, out var service))
            {
                continue;
            }

            void Refuse(string message) => problems.Add(new(resource.Name, $"{Hatch}: {message}"));
            if (service.Image is { } image && ImageReferences.Problem(image) is { } badImage)
            {
                Refuse(badImage);
            }

            if (service.NetworkMode is { } mode && (mode == "host" || mode.StartsWith("container:", StringComparison.Ordinal)))
            {
                Refuse($"sets network_mode: {mode}, which puts the container in the host's (or another container's) network; remove it from the callback");
            }

            if (CapabilitySet.Of(resource).DropsAll && service.CapDrop?.Contains("ALL") != true)
            {
                Refuse("removes cap_drop: [ALL], which the model declares (.WithOnlyCapabilities); keep it in the callback, or change the model's list");
            }

            foreach (var capability in service.CapAdd ?? [])
            {
                if (HostAccess.CapabilityProblem(capability, resource is IVpnGatewayResource) is { } problem)
                {
                    Refuse(problem);
                }
            }

            foreach (var device in service.Devices ?? [])
            {
                if (HostAccess.DeviceProblem(device.Split(':')[0]) is { } problem)
                {
                    Refuse(problem);
                }
            }

            foreach (var volume in (service.Volumes ?? []).Where(v => v.Type == "bind"))
            {
                if (Resolve(context, volume.Source, outputDirectory) is { } source)
                {
                    CheckBind(resource, source, volume, Refuse);
                }
            }

            CheckSecurityOptions(resource, service, Refuse);
            var declared = namespaces.Listeners(resource).Select(l => l.Endpoint).Where(e => e.Port is not null)
                .Select(e => $"{e.Port}:{e.TargetPort}{(e.Protocol == System.Net.Sockets.ProtocolType.Udp ? "/udp" : "")}").ToHashSet(StringComparer.Ordinal);
            foreach (var port in (service.Ports ?? []).Where(p => !declared.Contains(p) && OnEveryInterface(p)))
            {
                Refuse($"publishes port {port} on every interface, which the model does not declare; drop it from the callback, or declare it with port: and .WithHostPortAllowed(\"who connects there\")");
            }
        }

        return problems;
    }

    private static void CheckBind(ContainerResource resource, string source, ComposeServiceVolume volume, Action<string> refuse)
    {
        var readOnly = volume.ReadOnly == true;
        if (HostAccess.IsDockerSocket(HostAccess.Normalize(source)) || HostAccess.IsDockerSocket(HostAccess.Normalize(volume.Target)))
        {
            if (!resource.Annotations.OfType<DockerSocketAccessAnnotation>().Any())
            {
                refuse($"mounts the Docker socket at {volume.Target}, which is root on the host; remove it from the callback, or declare it in the model with .WithDockerSocket(\"what it reads\") (read-only)");
            }
            else if (!readOnly)
            {
                refuse($"mounts the Docker socket at {volume.Target} writable; set read_only: true");
            }
        }
        else if (HostAccess.BindProblem(source, volume.Target, readOnly) is { } problem)
        {
            refuse(problem);
        }
    }

    private static void CheckSecurityOptions(ContainerResource resource, ComposeService service, Action<string> refuse)
    {
        var options = service.SecurityOpt ?? [];
        foreach (var option in options.Where(o => o.Replace('=', ':') is var x
            && (x.EndsWith(":unconfined", StringComparison.OrdinalIgnoreCase) || x.Equals("label:disable", StringComparison.OrdinalIgnoreCase))))
        {
            refuse($"sets security_opt {option}, which turns off a kernel protection; remove it from the callback");
        }

        if (resource.HasNoNewPrivileges() && !options.Any(o => o.Replace('=', ':') is "no-new-privileges:true" or "no-new-privileges"))
        {
            refuse("drops security_opt no-new-privileges:true; keep it, or declare .WithNewPrivileges(\"why\") in the model");
        }
    }

    // "8080:80", "0.0.0.0:8080:80" and "[::]:8080:80" listen on every interface; "127.0.0.1:8080:80" and "80" do not.
    private static bool OnEveryInterface(string port)
    {
        var parts = port.Split('/')[0];
        var hostIp = parts.Count(c => c == ':') >= 2 ? parts[..parts.LastIndexOf(':', parts.LastIndexOf(':') - 1)] : null;
        return parts.Contains(':', StringComparison.Ordinal) && hostIp is null or "" or "0.0.0.0" or "[::]" or "::";
    }

    // A source with ${VAR} gets the parameter's value (as .env holds it); a relative one is the compose file's folder's.
    private static string? Resolve(PublishContext context, string? source, string outputDirectory)
    {
        if (source is null || source.StartsWith('~'))
        {
            return null;
        }

        var unknown = false;
        var resolved = Variable().Replace(source, m =>
        {
            var parameter = context.Model.Parameters.FirstOrDefault(p => ComposeExpressions.VariableName(p) == m.Groups[1].Value);
            var value = parameter is null ? null : context.Parameters.Resolve(parameter).Value;
            unknown |= value is null;
            return value ?? "";
        });
        return unknown ? null : Path.IsPathRooted(resolved) ? resolved : Path.GetFullPath(Path.Combine(outputDirectory, resolved));
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Variable();
}
