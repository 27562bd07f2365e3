namespace Servarr.Hosting.ApplicationModel;

/// <summary>A <c>uid:gid</c> pair; each part a number or a parameter. Base of the annotations that name a user.</summary>
public abstract class UserIdentityAnnotation : IResourceAnnotation
{
    /// <summary>Records the pair.</summary>
    protected UserIdentityAnnotation(ReferenceExpression uid, ReferenceExpression gid)
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
