using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Bind mounts and named volumes.</summary>
public static class MountBuilderExtensions
{

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
        return builder.WithCheckedAnnotation($".WithBindMount({InputChecks.Quote(source?.ValueExpression)}, {InputChecks.Quote(target)})",
            () => new ServarrMountAnnotation(source!, target, ContainerMountType.BindMount, isReadOnly, purpose));
    }


    /// <summary>Declares that the app writes at <paramref name="target"/>, so a read-only mount there is reported.</summary>
    public static IResourceBuilder<T> WithWritablePath<T>(this IResourceBuilder<T> builder, string target) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithWritablePath({InputChecks.Quote(target)})", () => new WritableMountAnnotation(target));
    }
}
