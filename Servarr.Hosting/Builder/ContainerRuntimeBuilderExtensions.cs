using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>How the engine runs a container: restart policy, lifetime, capabilities, devices, user, labels.</summary>
public static class ContainerRuntimeBuilderExtensions
{
    /// <summary>Sets the restart policy (the stack's default is <see cref="RestartPolicy.Always"/>).</summary>
    /// <example><code>job.WithRestartPolicy(RestartPolicy.No);</code></example>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartPolicy policy) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new RestartPolicyAnnotation(policy), ResourceAnnotationMutationBehavior.Replace);
    }


    /// <summary>Adds a Linux capability, e.g. <c>.WithCapability("NET_ADMIN")</c>.</summary>
    public static IResourceBuilder<T> WithCapability<T>(this IResourceBuilder<T> builder, string capability) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithCapability({InputChecks.Quote(capability)})", () => new CapabilityAnnotation(capability));
    }

    /// <summary>
    /// Drops every Linux capability except <paramref name="kept"/> (of Docker's defaults, those the image needs; none when
    /// empty); <c>.WithCapability(...)</c> still adds on top. Compose: <c>cap_drop: [ALL]</c> and <c>cap_add</c>; Kubernetes:
    /// <c>drop: [ALL]</c>; run mode: <c>--cap-drop ALL</c>. Calling it again replaces the list.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1.5.2-ls300")
    ///     .WithOnlyCapabilities("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID"); // s6 init: take over /config, drop to PUID
    /// cloudflared.WithOnlyCapabilities();                                                  // runs as a non-root user: needs none
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithOnlyCapabilities<T>(this IResourceBuilder<T> builder, params string[] kept) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(kept);
        return builder.WithCheckedAnnotation($".WithOnlyCapabilities({string.Join(", ", kept.Select(InputChecks.Quote))})",
            () => new OnlyCapabilitiesAnnotation(kept), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Caps what the container may use: <paramref name="memoryMiB"/> MiB of memory (the kernel kills and the engine restarts
    /// an app that goes over) and <paramref name="cpus"/> CPUs. Compose: <c>mem_limit</c>, <c>cpus</c>; Kubernetes:
    /// <c>resources.limits</c>; run mode: <c>--memory</c>, <c>--cpus</c>. Calling it again replaces the limits.
    /// </summary>
    /// <example><code>plex.WithResourceLimits(memoryMiB: 4096, cpus: 4); // transcodes stay inside 4 CPUs and 4 GiB</code></example>
    public static IResourceBuilder<T> WithResourceLimits<T>(this IResourceBuilder<T> builder, int? memoryMiB = null, double? cpus = null)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var shown = string.Join(", ", new[] { memoryMiB is { } m ? $"memoryMiB: {m}" : null, cpus is { } c ? $"cpus: {c.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null }.OfType<string>());
        return builder.WithCheckedAnnotation($".WithResourceLimits({shown})", () => new ResourceLimitsAnnotation(memoryMiB, cpus),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Passes a host device through, e.g. <c>.WithDevice("/dev/net/tun")</c>.</summary>
    public static IResourceBuilder<T> WithDevice<T>(this IResourceBuilder<T> builder, string hostPath, string? containerPath = null)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var call = containerPath is null ? $".WithDevice({InputChecks.Quote(hostPath)})"
            : $".WithDevice({InputChecks.Quote(hostPath)}, {InputChecks.Quote(containerPath)})";
        return builder.WithCheckedAnnotation(call, () => new DeviceAnnotation(hostPath, containerPath));
    }

    /// <summary>Runs the process as <c>uid:gid</c>, fixed numbers or parameters.</summary>
    /// <example><code>seerr.WithUser(puid, pgid);</code></example>
    public static IResourceBuilder<T> WithUser<T>(this IResourceBuilder<T> builder, object uid, object gid) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = builder.Resource;
        return builder.WithAnnotation(new UserAnnotation(ServarrExpressions.ToExpression(resource, "user", uid),
            ServarrExpressions.ToExpression(resource, "user", gid)), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Adds a Docker label.</summary>
    /// <example><code>plex.WithLabel("com.centurylinklabs.watchtower.enable", "true");</code></example>
    public static IResourceBuilder<T> WithLabel<T>(this IResourceBuilder<T> builder, string key, object value) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithLabel({InputChecks.Quote(key)}, ...)",
            () => new ContainerLabelAnnotation(key, ServarrExpressions.ToExpression(builder.Resource, key, value)));
    }

    /// <summary>Gives the container a fixed host name.</summary>
    /// <example><code>kopia.WithHostname("servarr");</code></example>
    public static IResourceBuilder<T> WithHostname<T>(this IResourceBuilder<T> builder, string hostname) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithHostname({InputChecks.Quote(hostname)})", () => new HostnameAnnotation(hostname),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Runs an init process as PID 1 (signals forwarded, zombies reaped).</summary>
    /// <example><code>seerr.WithInitProcess();</code></example>
    public static IResourceBuilder<T> WithInitProcess<T>(this IResourceBuilder<T> builder) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new InitProcessAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }
}
