namespace Servarr.Hosting.ApplicationModel;

/// <summary>The user the container's process runs as (compose <c>user: "uid:gid"</c>).</summary>
public sealed class UserAnnotation : IResourceAnnotation
{
    /// <summary>Records a user; each part is a number or a parameter.</summary>
    public UserAnnotation(ReferenceExpression uid, ReferenceExpression gid)
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
