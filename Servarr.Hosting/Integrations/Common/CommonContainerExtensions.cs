using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Conventions shared by the integrations: LinuxServer.io environment, config and media mounts, API keys.</summary>
public static class CommonContainerExtensions
{
    /// <summary>LinuxServer.io images: <c>PUID</c>, <c>PGID</c>, <c>TZ</c> and <c>UMASK=002</c> (group-writable files).</summary>
    /// <example><code>builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1.6.0-ls360").WithLinuxServerEnvironment(host);</code></example>
    public static IResourceBuilder<T> WithLinuxServerEnvironment<T>(this IResourceBuilder<T> builder, HostSettings host)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder
            .WithEnvironment("PUID", host.UserId)
            .WithEnvironment("PGID", host.GroupId)
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("UMASK", "002");
    }

    /// <summary>
    /// What a LinuxServer.io image keeps of Docker's capabilities: its s6 init runs as root, remaps <c>abc</c> to PUID
    /// (usermod, groupmod), takes over <c>/config</c> (lsiown: chown, chmod), drops the app to PUID (s6-setuidgid) and
    /// signals it on stop (KILL: root may not signal another uid without it). Read in linuxserver/docker-baseimage-alpine
    /// (root/etc/s6-overlay/s6-rc.d/init-adduser/run) and docker-mods' lsiown.v1; docs/upstream/capabilities.md §1.
    /// </summary>
    /// <example><code>builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1.6.0-ls360").WithLinuxServerCapabilities();</code></example>
    public static IResourceBuilder<T> WithLinuxServerCapabilities<T>(this IResourceBuilder<T> builder) where T : ContainerResource =>
        builder.WithOnlyCapabilities("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID", "KILL");

    /// <summary>
    /// Mounts <c>{config-root}/&lt;resource name&gt;</c> at <paramref name="target"/> (default <c>/config</c>), writable,
    /// as the app's configuration: created owned by PUID:PGID (run mode, compose's <c>prepare-host.sh</c>), backed up by Kopia.
    /// </summary>
    public static IResourceBuilder<T> WithConfigMount<T>(this IResourceBuilder<T> builder, HostSettings host, string target = "/config")
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder
            .WithBindMount(host.ConfigFolder(builder.Resource.Name), target, isReadOnly: false, ContainerMountPurpose.Config)
            .WithWritablePath(target)
            .WithAnnotation(new HostFolderOwnerAnnotation(ServarrExpressions.Of(host.UserId.Resource), ServarrExpressions.Of(host.GroupId.Resource)),
                ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Mounts the media root (or a folder in it) at <paramref name="target"/>; it must already exist.</summary>
    public static IResourceBuilder<T> WithMediaMount<T>(this IResourceBuilder<T> builder, HostSettings host, string target = "/data",
        string? subfolder = null, bool isReadOnly = false) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        return builder.WithBindMount(host.MediaFolder(subfolder), target, isReadOnly, ContainerMountPurpose.Media);
    }

    /// <summary>
    /// Gives the app the API key in <paramref name="key"/> through <paramref name="environmentVariable"/>; apps that
    /// reference it receive it as <c>&lt;NAME&gt;_API_KEY</c>.
    /// </summary>
    public static IResourceBuilder<T> WithApiKey<T>(this IResourceBuilder<T> builder, IResourceBuilder<ParameterResource> key,
        string environmentVariable) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(key);
        return builder.WithAnnotation(new ApiKeyAnnotation(key.Resource), ResourceAnnotationMutationBehavior.Replace)
            .WithEnvironment(environmentVariable, key);
    }

    /// <summary>Health through <c>curl</c> inside the image (LinuxServer images ship it): <c>curl -fsS http://localhost:&lt;port&gt;&lt;path&gt;</c>.</summary>
    public static IResourceBuilder<T> WithCurlHealthCheck<T>(this IResourceBuilder<T> builder, int port, string path) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithContainerHealthCheck(["curl", "-fsS", "-o", "/dev/null", $"http://localhost:{port}{path}"],
            interval: TimeSpan.FromSeconds(10));
    }

    /// <summary>Marks that the image's own <c>HEALTHCHECK</c> is kept (compose waits for it).</summary>
    public static IResourceBuilder<T> WithImageHealthCheck<T>(this IResourceBuilder<T> builder) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ImageHealthCheckAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }

    internal static IResourceBuilder<ParameterResource> ApiKeyParameter(IDistributedApplicationBuilder builder, string app,
        IResourceBuilder<ParameterResource>? given) =>
        given ?? builder.AddGeneratedSecret($"{app}-api-key", 32, $"API key of {app} (generated once, kept in user-secrets)");
}
