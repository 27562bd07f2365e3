namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A bind mount or a named volume. The bind source may refer to a parameter (<c>{config-root}/sonarr</c>);
/// an empty source is reported by the validator, since a parameter can make it empty.
/// </summary>
public sealed class ServarrMountAnnotation : IResourceAnnotation
{
    /// <summary>Records a mount.</summary>
    public ServarrMountAnnotation(ReferenceExpression source, string target, ContainerMountType type, bool isReadOnly,
        ContainerMountPurpose purpose = ContainerMountPurpose.Other)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!target.StartsWith('/'))
        {
            throw new ArgumentException($"the mount target must be an absolute path inside the container; pass e.g. \"/{target.TrimStart('.', '/')}\"", nameof(target));
        }

        if (type == ContainerMountType.Volume && (!source.IsLiteral || source.Render(_ => "").Length == 0))
        {
            throw new ArgumentException("A volume needs a literal name: anonymous volumes cannot be published.", nameof(source));
        }

        Source = source;
        Target = target;
        Type = type;
        IsReadOnly = isReadOnly;
        Purpose = purpose;
    }

    /// <summary>The host path (bind mount) or the volume name.</summary>
    public ReferenceExpression Source { get; }

    /// <summary>The path inside the container.</summary>
    public string Target { get; }

    /// <summary>Bind mount or volume.</summary>
    public ContainerMountType Type { get; }

    /// <summary>Mounted read-only.</summary>
    public bool IsReadOnly { get; }

    /// <summary>What the mount holds.</summary>
    public ContainerMountPurpose Purpose { get; }

    /// <summary>The volume name, for volumes.</summary>
    public string? VolumeName => Type == ContainerMountType.Volume ? Source.Render(_ => "") : null;
}
