namespace Servarr.Hosting.ApplicationModel;

/// <summary>The user the container's process runs as (compose <c>user: "uid:gid"</c>).</summary>
/// <param name="uid">The user id: a number or a parameter.</param>
/// <param name="gid">The group id: a number or a parameter.</param>
public sealed class UserAnnotation(ReferenceExpression uid, ReferenceExpression gid) : UserIdentityAnnotation(uid, gid);
