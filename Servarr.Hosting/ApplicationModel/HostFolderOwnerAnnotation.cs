namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The owner (<c>uid:gid</c>) the container's config folders on the host must have; a deployment creates them so
/// (compose: <c>prepare-host.sh</c>). Each part is a number or a parameter.
/// </summary>
public sealed class HostFolderOwnerAnnotation : IResourceAnnotation
{
    /// <summary>Records the owner.</summary>
    public HostFolderOwnerAnnotation(ReferenceExpression uid, ReferenceExpression gid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(gid);
        Uid = uid;
        Gid = gid;
    }

    /// <summary>The user id.</summary>
    public ReferenceExpression Uid { get; }

    /// <summary>The group id.</summary>
    public ReferenceExpression Gid { get; }
}
