using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Kopia;

namespace Servarr.Hosting;

/// <summary>Adds the Kopia backup server and chooses what it backs up.</summary>
public static class KopiaBuilderExtensions
{
    /// <summary>The Kopia server / UI port.</summary>
    public const int ServerPort = 51515;

    /// <summary>
    /// The health command (run by <c>sh -c</c> in the image, which is Ubuntu based): the server answers its control API
    /// for the control user, with the repository connected.
    /// </summary>
    public static string HealthCommand { get; } = $"exec kopia server status --address=http://127.0.0.1:{ServerPort}"
        + " --server-control-username=\"$KOPIA_SERVER_CONTROL_USER\" --server-control-password=\"$KOPIA_SERVER_CONTROL_PASSWORD\"";

    /// <summary>Where backed-up config folders appear inside the Kopia container: <c>/data/&lt;app&gt;</c>.</summary>
    public const string SourcesRoot = "/data";

    /// <summary>
    /// Adds the Kopia server (so scheduled snapshots fire) with the repository password from
    /// <paramref name="repositoryPassword"/>; UI and control passwords are generated. The container starts with a
    /// script generated from the model: connect (or create) the repository, set the policies, then serve. Choose the
    /// repository with <see cref="KopiaRepositoryExtensions.WithR2Repository"/> or
    /// <see cref="KopiaRepositoryExtensions.WithFilesystemRepository"/>, and what it backs up with
    /// <see cref="WithConfigBackups"/> or <see cref="WithConfigBackupOf{T}"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddKopia("kopia", host, kopiaPassword).WithR2Repository(account, bucket, keyId, secretKey).WithConfigBackups();
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
        var kopia = builder.AddResource(new KopiaResource(name))
            .WithAnnotation(new OptionalFeatureAnnotation("backups"))
            .WithImage($"{KopiaContainerImageTags.Registry}/{KopiaContainerImageTags.Image}", KopiaContainerImageTags.Tag)
            // Root (no USER in kopia/kopia tools/docker/Dockerfile @ v0.23.1) reading PUID-owned 0600 files: DAC_OVERRIDE (a Docker
            // default; the sources are mounted read-only, so it writes nothing there) rather than DAC_READ_SEARCH (capabilities.md §6)
            .WithOnlyCapabilities("DAC_OVERRIDE")
            .WithEntrypoint("/bin/sh")
            .WithHostname("servarr") // snapshots are owned by USER@hostname: keep it stable across re-creations
            .WithHttpEndpoint(targetPort: ServerPort)
            .WithLoopbackPort() // its UI: 127.0.0.1:51515 on the server, over SSH
            .WithTcpHealthCheck() // every HTTP answer needs the UI password
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("USER", "servarr")
            .WithEnvironment("KOPIA_PASSWORD", repositoryPassword)
            .WithEnvironment("KOPIA_SERVER_USERNAME", "admin")
            .WithEnvironment("KOPIA_SERVER_PASSWORD", uiPassword)
            .WithEnvironment("KOPIA_SERVER_CONTROL_USER", "server-control")
            .WithEnvironment("KOPIA_SERVER_CONTROL_PASSWORD", controlPassword)
            .WithEnvironment(KopiaStartupScript.BackupTimeVariable, KopiaStartupScript.DefaultBackupTime)
            .WithEnvironment(KopiaStartupScript.KeepLatestVariable, "10")
            .WithEnvironment(KopiaStartupScript.KeepDailyVariable, "7")
            .WithEnvironment(KopiaStartupScript.KeepWeeklyVariable, "4")
            .WithEnvironment(KopiaStartupScript.KeepMonthlyVariable, "24")
            .WithConfigMount(host, "/app/config")
            .WithVolume($"{name}-cache", "/app/cache")
            // The start-up script connects and sets policies before the server listens; a first repository creation takes a while.
            // `kopia server status` authenticates as the *control* user, but reads its defaults from KOPIA_SERVER_USERNAME /
            // KOPIA_SERVER_PASSWORD — the UI user's variables that `server start` reads — and the control API refuses the UI
            // user (403). So the check names the control credentials itself (kopia/kopia@v0.23.1: cli/command_server.go).
            .WithContainerHealthCheck(["sh", "-c", HealthCommand], interval: TimeSpan.FromSeconds(15), startPeriod: TimeSpan.FromMinutes(2));
        // When the model is complete: every source is known, so the script can name each one (replaced if built again).
        kopia.WithAnnotation(new ModelCompletionAnnotation(_ => kopia.WithAnnotation(
            new CommandLineArgsCallbackAnnotation(args => { args.Clear(); args.Add("-c"); args.Add(KopiaStartupScript.Render(kopia.Resource)); }),
            ResourceAnnotationMutationBehavior.Replace)));
        return kopia;
    }

    /// <summary>
    /// Backs up the config folder of every other container of the model, declared before or after this call: each
    /// one's config bind mount (<see cref="ContainerMountPurpose.Config"/>) is mounted read-only at
    /// <c>/data/&lt;app&gt;</c> with a Kopia policy of its own (its <see cref="BackupExcludeAnnotation"/> patterns), and
    /// can be restored from its snapshots (<see cref="ConfigRestoreAnnotation"/>: run mode's "Restore config from backup").
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddKopia("kopia", host, kopiaPassword).WithConfigBackups();
    /// builder.AddSonarr("sonarr", host); // backed up too
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> WithConfigBackups(this IResourceBuilder<KopiaResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // First in the list: completion callbacks run in annotation order, and AddKopia's (the script) must see every source.
        builder.Resource.Annotations.Insert(0, new ModelCompletionAnnotation(context =>
        {
            foreach (var app in context.Resources.OfType<ContainerResource>().Where(r => r is not KopiaResource && ConfigMount(r) is not null))
            {
                AddSource(builder, app);
            }
        }));
        return builder;
    }

    /// <summary>
    /// Backs up only <paramref name="app"/>'s config folder, mounted read-only at <c>/data/&lt;app&gt;</c> (use it instead of
    /// <see cref="WithConfigBackups"/> to choose); an app without a config mount is reported by the validator.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddKopia("kopia", host, kopiaPassword).WithConfigBackupOf(sonarr).WithConfigBackupOf(plex);
    /// </code>
    /// </example>
    public static IResourceBuilder<KopiaResource> WithConfigBackupOf<T>(this IResourceBuilder<KopiaResource> builder, IResourceBuilder<T> app)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(app);
        if (ConfigMount(app.Resource) is null)
        {
            return InputChecks.Refuse(builder, $".WithConfigBackupOf({app.Resource.Name})",
                $"'{app.Resource.Name}' has no config bind mount to back up; give it one with .WithConfigMount(host) before this call");
        }

        AddSource(builder, app.Resource);
        return builder;
    }

    /// <summary>The bind mount that holds <paramref name="app"/>'s configuration, or null.</summary>
    internal static ServarrMountAnnotation? ConfigMount(IResource app) =>
        app.GetMounts().FirstOrDefault(m => m.Purpose == ContainerMountPurpose.Config && m.Type == ContainerMountType.BindMount);

    private static void AddSource(IResourceBuilder<KopiaResource> builder, ContainerResource app)
    {
        if (builder.Resource.Annotations.OfType<BackupSourceAnnotation>().Any(s => s.App == app) || ConfigMount(app) is not { } config)
        {
            return;
        }

        var path = $"{SourcesRoot}/{app.Name}";
        builder.WithBindMount(config.Source, path, isReadOnly: true)
            .WithAnnotation(new BackupSourceAnnotation(app, path));
        // Run mode offers the restore of the app's config from this Kopia (the app's "Restore config from backup" command).
        foreach (var earlier in app.Annotations.OfType<ConfigRestoreAnnotation>().ToList())
        {
            app.Annotations.Remove(earlier);
        }

        app.Annotations.Add(new ConfigRestoreAnnotation(new KopiaConfigRestore(builder.Resource)));
    }
}
