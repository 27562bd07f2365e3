using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Bind mounts and named volumes.</summary>
public static class MountBuilderExtensions
{
    /// <summary>
    /// Mounts host path <paramref name="source"/> (relative paths are rooted at the AppHost directory) at
    /// <paramref name="target"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// watchtower.WithBindMount("/var/run/docker.sock", "/var/run/docker.sock", isReadOnly: true);
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithBindMount<T>(this IResourceBuilder<T> builder, string source, string target,
        bool isReadOnly = false, ContainerMountPurpose purpose = ContainerMountPurpose.Other) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        return builder.WithAnnotation(new ContainerMountAnnotation(ReferenceExpression.Literal(source), target,
            ContainerMountType.BindMount, isReadOnly, purpose));
    }

    /// <summary>Mounts a host path built from parameters, e.g. <c>$"{mediaRoot}/tv"</c>, at <paramref name="target"/>.</summary>
    /// <example>
    /// <code>
    /// plex.WithBindMount(ReferenceExpression.Create($"{mediaRoot}/media"), "/data/media", isReadOnly: true,
    ///     ContainerMountPurpose.Media);
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithBindMount<T>(this IResourceBuilder<T> builder, ReferenceExpression source,
        string target, bool isReadOnly = false, ContainerMountPurpose purpose = ContainerMountPurpose.Other) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ContainerMountAnnotation(source, target, ContainerMountType.BindMount, isReadOnly, purpose));
    }

    /// <summary>Mounts named volume <paramref name="name"/> at <paramref name="target"/>. Anonymous volumes are not supported.</summary>
    /// <example>
    /// <code>
    /// kopia.WithVolume("kopia-cache", "/app/cache");
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithVolume<T>(this IResourceBuilder<T> builder, string name, string target,
        bool isReadOnly = false) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.WithAnnotation(new ContainerMountAnnotation(ReferenceExpression.Literal(name), target,
            ContainerMountType.Volume, isReadOnly));
    }

    /// <summary>Declares that the app writes at <paramref name="target"/>, so a read-only mount there is reported.</summary>
    public static IResourceBuilder<T> WithWritablePath<T>(this IResourceBuilder<T> builder, string target) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new WritableMountAnnotation(target));
    }
}
