namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The owner (<c>uid:gid</c>) the container's config folders on the host must have; a deployment creates them so
/// (compose: <c>prepare-host.sh</c>).
/// </summary>
/// <param name="uid">The user id: a number or a parameter.</param>
/// <param name="gid">The group id: a number or a parameter.</param>
public sealed class HostFolderOwnerAnnotation(ReferenceExpression uid, ReferenceExpression gid) : UserIdentityAnnotation(uid, gid);
