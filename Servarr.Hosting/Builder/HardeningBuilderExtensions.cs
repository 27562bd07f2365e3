using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The few exceptions to Servarr's hardening defaults, each with its reason (printed by <c>doctor</c>): every container
/// runs with <c>no-new-privileges</c>, none mounts the Docker socket, none publishes a host port.
/// </summary>
public static class HardeningBuilderExtensions
{
    /// <summary>The Docker socket on the host and in the container.</summary>
    public const string DockerSocket = "/var/run/docker.sock";

    /// <summary>
    /// Mounts the Docker socket read-only (never writable) for a container that reads the engine; <paramref name="withoutDocker"/>
    /// says what the app loses on a node that runs no Docker engine (noted in published Kubernetes files).
    /// </summary>
    /// <example><code>builder.AddContainer("autoheal", "docker.io/willfarrell/autoheal", "1.2.0").WithDockerSocket("restarts unhealthy containers");</code></example>
    public static IResourceBuilder<T> WithDockerSocket<T>(this IResourceBuilder<T> builder, string reason, string? withoutDocker = null)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (InputChecks.TryCreate(builder, $".WithDockerSocket({InputChecks.Quote(reason)})", () => new DockerSocketAccessAnnotation(reason, withoutDocker))
            is not { } access)
        {
            return builder;
        }

        builder.WithAnnotation(access, ResourceAnnotationMutationBehavior.Replace);
        return builder.Resource.GetMounts().Any(m => m.Target == DockerSocket) ? builder : builder.WithBindMount(ServarrExpressions.Literal(DockerSocket), DockerSocket, isReadOnly: true);
    }

    /// <summary>Allows the container's endpoints with a host port (<c>port:</c>) to be published on every interface.</summary>
    /// <example><code>builder.AddPlex("plex", host, claim).WithHostPortAllowed("LAN and plex.direct clients connect to 32400");</code></example>
    public static IResourceBuilder<T> WithHostPortAllowed<T>(this IResourceBuilder<T> builder, string reason) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithHostPortAllowed({InputChecks.Quote(reason)})", () => new HostPortAnnotation(reason),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Leaves <c>no-new-privileges</c> off for an image that must gain privileges through a setuid binary.</summary>
    /// <example><code>app.WithNewPrivileges("its entrypoint calls sudo");</code></example>
    public static IResourceBuilder<T> WithNewPrivileges<T>(this IResourceBuilder<T> builder, string reason) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithNewPrivileges({InputChecks.Quote(reason)})", () => new AllowNewPrivilegesAnnotation(reason),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Whether the container runs with <c>no-new-privileges</c> (all do, unless <see cref="WithNewPrivileges{T}"/>).</summary>
    public static bool HasNoNewPrivileges(this ContainerResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return !resource.Annotations.OfType<AllowNewPrivilegesAnnotation>().Any();
    }
}
