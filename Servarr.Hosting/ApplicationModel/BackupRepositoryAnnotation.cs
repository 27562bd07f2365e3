using System.Text.RegularExpressions;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Where Kopia keeps its repository: the storage type and the flags of <c>kopia repository connect|create</c>.
/// Flags may name environment variables (<c>--bucket="$KOPIA_S3_BUCKET"</c>) but never hold a secret: keys and the
/// password reach Kopia through its environment.
/// </summary>
/// <example>
/// <code>
/// kopia.WithAnnotation(new BackupRepositoryAnnotation("filesystem", ["--path=/repository"]), ResourceAnnotationMutationBehavior.Replace);
/// </code>
/// </example>
public sealed partial class BackupRepositoryAnnotation : IResourceAnnotation
{
    /// <summary>Records the repository; <paramref name="storageType"/> is a lower-case word (<c>s3</c>, <c>filesystem</c>).</summary>
    public BackupRepositoryAnnotation(string storageType, IReadOnlyList<string> flags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageType);
        ArgumentNullException.ThrowIfNull(flags);
        if (!Word().IsMatch(storageType))
        {
            throw new ArgumentException($"Storage type '{storageType}' must be a lower-case word, e.g. s3 or filesystem.", nameof(storageType));
        }

        if (flags.Any(f => string.IsNullOrWhiteSpace(f) || !f.StartsWith("--", StringComparison.Ordinal) || f.Any(char.IsControl)))
        {
            throw new ArgumentException("Each repository flag must be one line starting with '--'.", nameof(flags));
        }

        StorageType = storageType;
        Flags = flags;
    }

    /// <summary>The storage provider, e.g. <c>s3</c>.</summary>
    public string StorageType { get; }

    /// <summary>Flags of <c>connect</c> and <c>create</c>, written into the start-up script as given.</summary>
    public IReadOnlyList<string> Flags { get; }

    [GeneratedRegex("^[a-z][a-z0-9]*$")]
    private static partial Regex Word();
}
