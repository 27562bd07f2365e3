using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds the Kopia backup server.</summary>
public static class KopiaBuilderExtensions
{
    /// <summary>The Kopia server / UI port.</summary>
    public const int ServerPort = 51515;

    /// <summary>Where backed-up config folders appear inside the Kopia container: <c>/data/&lt;app&gt;</c>.</summary>
    public const string SourcesRoot = "/data";

    /// <summary>
    /// Adds the Kopia server (so scheduled snapshots fire) with the repository password from
    /// <paramref name="repositoryPassword"/>; UI and control passwords are generated. Add what it backs up with
    /// <see cref="WithConfigBackupOf{T}"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddKopia("kopia", host, kopiaPassword).WithConfigBackupOf(sonarr).WithConfigBackupOf(plex);
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> AddKopia(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<ParameterResource> repositoryPassword)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(repositoryPassword);
        var uiPassword = builder.AddGeneratedSecret($"{name}-server-password", 24, "Password of the Kopia web UI (user admin)");
        var controlPassword = builder.AddGeneratedSecret($"{name}-control-password", 24, "Password of Kopia's server-control API");
        return builder.AddResource(new KopiaResource(name))
            .WithImage($"{KopiaContainerImageTags.Registry}/{KopiaContainerImageTags.Image}", KopiaContainerImageTags.Tag)
            .WithArgs("server", "start", "--insecure", $"--address=0.0.0.0:{ServerPort}")
            .WithHostname("servarr") // snapshots are owned by USER@hostname: keep it stable across re-creations
            .WithHttpEndpoint(targetPort: ServerPort)
            .WithTcpHealthCheck() // every HTTP answer needs the UI password
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("USER", "servarr")
            .WithEnvironment("KOPIA_PASSWORD", repositoryPassword)
            .WithEnvironment("KOPIA_SERVER_USERNAME", "admin")
            .WithEnvironment("KOPIA_SERVER_PASSWORD", uiPassword)
            .WithEnvironment("KOPIA_SERVER_CONTROL_USER", "server-control")
            .WithEnvironment("KOPIA_SERVER_CONTROL_PASSWORD", controlPassword)
            .WithConfigMount(host, "/app/config")
            .WithVolume($"{name}-cache", "/app/cache")
            .WithContainerHealthCheck(["kopia", "server", "status", $"--address=http://127.0.0.1:{ServerPort}"],
                interval: TimeSpan.FromSeconds(15), startPeriod: TimeSpan.FromSeconds(30));
    }

    /// <summary>Mounts <paramref name="app"/>'s config folder read-only at <c>/data/&lt;app&gt;</c> so Kopia snapshots it.</summary>
    public static IResourceBuilder<KopiaResource> WithConfigBackupOf<T>(this IResourceBuilder<KopiaResource> builder, IResourceBuilder<T> app)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(app);
        foreach (var config in app.Resource.GetMounts().Where(m => m.Purpose == ContainerMountPurpose.Config && m.Type == ContainerMountType.BindMount))
        {
            builder.WithBindMount(config.Source, $"{SourcesRoot}/{app.Resource.Name}", isReadOnly: true);
        }

        return builder;
    }

    /// <summary>
    /// Gives Kopia the Cloudflare R2 (S3-compatible) repository: the keys as <c>AWS_ACCESS_KEY_ID</c> /
    /// <c>AWS_SECRET_ACCESS_KEY</c> (which Kopia's S3 storage reads), and bucket, endpoint and region as
    /// <c>KOPIA_S3_*</c> for the <c>kopia repository connect s3</c> step. Kopia itself does not read <c>KOPIA_S3_*</c>:
    /// until the backups work adds that start-up step, connect the repository once by hand
    /// (<c>docker exec kopia kopia repository connect s3 --bucket=$KOPIA_S3_BUCKET --endpoint=$KOPIA_S3_ENDPOINT --region=auto</c>).
    /// </summary>
    public static IResourceBuilder<KopiaResource> WithR2Repository(this IResourceBuilder<KopiaResource> builder,
        IResourceBuilder<ParameterResource> accountId, IResourceBuilder<ParameterResource> bucket,
        IResourceBuilder<ParameterResource> accessKeyId, IResourceBuilder<ParameterResource> secretAccessKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithEnvironment("KOPIA_S3_BUCKET", bucket)
            .WithEnvironment("KOPIA_S3_ENDPOINT", $"{accountId}.r2.cloudflarestorage.com")
            .WithEnvironment("KOPIA_S3_REGION", "auto")
            .WithEnvironment("AWS_ACCESS_KEY_ID", accessKeyId)
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    }
}
