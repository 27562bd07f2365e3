using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Kopia's repository, snapshot schedule and retention: applied by the start-up script on every start.</summary>
public static class KopiaRepositoryExtensions
{
    /// <summary>Where <see cref="WithFilesystemRepository(IResourceBuilder{KopiaResource}, string)"/> mounts the repository folder.</summary>
    public const string FilesystemRepositoryPath = "/repository";

    /// <summary>
    /// Keeps the repository in a Cloudflare R2 bucket through Kopia's S3 provider
    /// (<c>--endpoint=&lt;account&gt;.r2.cloudflarestorage.com --region=auto</c>): bucket and endpoint as
    /// <c>KOPIA_S3_BUCKET</c> / <c>KOPIA_S3_ENDPOINT</c>, the keys as <c>AWS_ACCESS_KEY_ID</c> /
    /// <c>AWS_SECRET_ACCESS_KEY</c>, which Kopia's S3 flags read. Connected on every start, created on the first.
    /// </summary>
    /// <example>
    /// <code>
    /// kopia.WithR2Repository(r2Account, r2Bucket, r2AccessKey, r2SecretKey);
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> WithR2Repository(this IResourceBuilder<KopiaResource> builder,
        IResourceBuilder<ParameterResource> accountId, IResourceBuilder<ParameterResource> bucket,
        IResourceBuilder<ParameterResource> accessKeyId, IResourceBuilder<ParameterResource> secretAccessKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        return builder
            .WithEnvironment("KOPIA_S3_BUCKET", bucket)
            .WithEnvironment("KOPIA_S3_ENDPOINT", $"{accountId}.r2.cloudflarestorage.com")
            .WithEnvironment("AWS_ACCESS_KEY_ID", accessKeyId)
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", secretAccessKey)
            .WithAnnotation(new BackupRepositoryAnnotation("s3", ["--bucket=\"$KOPIA_S3_BUCKET\"", "--endpoint=\"$KOPIA_S3_ENDPOINT\"", "--region=auto"]),
                ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Keeps the repository in host folder <paramref name="hostPath"/> (a NAS mount, or a temp folder in tests),
    /// mounted at <c>/repository</c>; the folder must exist (like a mounted share), the repository in it is created on the first start.
    /// </summary>
    /// <example>
    /// <code>
    /// kopia.WithFilesystemRepository("/mnt/nas/kopia");
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> WithFilesystemRepository(this IResourceBuilder<KopiaResource> builder, string hostPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(hostPath);
        if (!hostPath.StartsWith('/'))
        {
            return InputChecks.Refuse(builder, $".WithFilesystemRepository({InputChecks.Quote(hostPath)})",
                "the repository folder must be an absolute path on the host; pass e.g. \"/mnt/nas/kopia\"");
        }

        return builder.WithBindMount(ServarrExpressions.Literal(hostPath), FilesystemRepositoryPath)
            .WithAnnotation(new BackupRepositoryAnnotation("filesystem", [$"--path={FilesystemRepositoryPath}"]), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// When snapshots run: Kopia's <c>--snapshot-time</c>, times of day <c>HH:mm</c>, comma separated, in the
    /// container's time zone (default <c>03:00</c>, nightly). Missed times run when the server comes back.
    /// </summary>
    /// <example>
    /// <code>
    /// kopia.WithBackupSchedule(builder.AddParameter("backup-time", defaultValue: "03:00"));
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> WithBackupSchedule(this IResourceBuilder<KopiaResource> builder,
        IResourceBuilder<ParameterResource> timesOfDay)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(timesOfDay);
        return builder.WithEnvironment(KopiaStartupScript.BackupTimeVariable, timesOfDay);
    }

    /// <summary>
    /// How many snapshots Kopia keeps: the latest N, plus one per day, week and month for that many days, weeks and
    /// months (defaults 10, 7, 4, 24, Kopia's own).
    /// </summary>
    /// <example>
    /// <code>
    /// kopia.WithBackupRetention(keepLatest, keepDaily, keepWeekly, keepMonthly);
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> WithBackupRetention(this IResourceBuilder<KopiaResource> builder,
        IResourceBuilder<ParameterResource> keepLatest, IResourceBuilder<ParameterResource> keepDaily,
        IResourceBuilder<ParameterResource> keepWeekly, IResourceBuilder<ParameterResource> keepMonthly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keepLatest);
        ArgumentNullException.ThrowIfNull(keepDaily);
        ArgumentNullException.ThrowIfNull(keepWeekly);
        ArgumentNullException.ThrowIfNull(keepMonthly);
        return builder
            .WithEnvironment(KopiaStartupScript.KeepLatestVariable, keepLatest)
            .WithEnvironment(KopiaStartupScript.KeepDailyVariable, keepDaily)
            .WithEnvironment(KopiaStartupScript.KeepWeeklyVariable, keepWeekly)
            .WithEnvironment(KopiaStartupScript.KeepMonthlyVariable, keepMonthly);
    }
}
