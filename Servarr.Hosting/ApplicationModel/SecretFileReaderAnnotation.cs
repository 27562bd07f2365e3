namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The uid the container's process runs as, which must be able to read its secret files
/// (<see cref="ContainerMountPurpose.SecretFile"/>). Secret files are often created readable by their owner only (mode
/// 0400); run mode and compose's <c>prepare-host.sh</c> give them to this uid and keep the mode, so the file is readable by
/// the app and nobody else.
/// </summary>
/// <example><code>cloudflared.WithAnnotation(new SecretFileReaderAnnotation(65532)); // the image's nonroot user</code></example>
public sealed class SecretFileReaderAnnotation : IResourceAnnotation
{
    /// <summary>Records the uid.</summary>
    public SecretFileReaderAnnotation(int uid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uid);
        Uid = uid;
    }

    /// <summary>The uid that reads the secret files.</summary>
    public int Uid { get; }
}
