namespace Servarr.Hosting.ApplicationModel;

/// <summary>The app must be able to write at <see cref="Target"/>; a read-only mount there is an error.</summary>
public sealed class WritableMountAnnotation : IResourceAnnotation
{
    /// <summary>Records a path the app writes to.</summary>
    public WritableMountAnnotation(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.StartsWith('/'))
        {
            throw new ArgumentException($"the writable path must be an absolute path inside the container; pass e.g. \"/{target.TrimStart('.', '/')}\"", nameof(target));
        }

        Target = target;
    }

    /// <summary>The container path.</summary>
    public string Target { get; }
}
