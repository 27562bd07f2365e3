namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The non-root user the image's own process runs as (its Dockerfile's <c>USER</c>), by number. Kubernetes checks
/// <c>runAsNonRoot</c> against a numeric user only (an image's <c>USER nonroot</c> by name is refused), so the pod gets
/// <c>runAsUser</c> with this uid and <c>runAsNonRoot: true</c>. An integration declares it from the image's source;
/// <see cref="UserAnnotation"/> (an explicit <c>.WithUser</c>) wins over it.
/// </summary>
/// <example><code>cloudflared.WithAnnotation(new ImageUserAnnotation(65532, 65532)); // distroless' nonroot user</code></example>
public sealed class ImageUserAnnotation : IResourceAnnotation
{
    /// <summary>Records the user; <paramref name="uid"/> 0 is root, which is not what this annotation is for.</summary>
    public ImageUserAnnotation(int uid, int gid)
    {
        if (uid <= 0 || gid < 0)
        {
            throw new ArgumentException($"image user {uid}:{gid} is not a non-root user; pass the image's USER uid (greater than 0) and its group", nameof(uid));
        }

        Uid = uid;
        Gid = gid;
    }

    /// <summary>The user id.</summary>
    public int Uid { get; }

    /// <summary>The group id.</summary>
    public int Gid { get; }
}
