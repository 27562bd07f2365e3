using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds AutoKuma, which turns the model into Uptime Kuma monitors.</summary>
public static class AutoKumaBuilderExtensions
{
    /// <summary>The Docker socket: read-only for AutoKuma (it reads labels) and Uptime Kuma (container monitors).</summary>
    public const string DockerSocket = HardeningBuilderExtensions.DockerSocket;

    /// <summary>Where AutoKuma keeps its database of the entities it created (required since AutoKuma 1.0).</summary>
    public const string DataPath = "/data";

    /// <summary>
    /// Adds AutoKuma for <paramref name="uptimeKuma"/>: it logs in with <paramref name="username"/> and
    /// <paramref name="password"/> at Uptime Kuma's in-network URL, waits for it, reads labels through the read-only
    /// Docker socket, and gives Uptime Kuma the read-only socket for container monitors. When the model is built,
    /// every container gets a container monitor and every HTTP health path an HTTP monitor (60 s interval, down after
    /// 2 failed retries), as <c>kuma.*</c> labels; apps added later to Program.cs need no other edit.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddAutoKuma("autokuma", host, uptimeKuma, kumaUser, kumaPassword)
    ///     .WithPushbulletNotification(pushbulletToken)
    ///     .WithStatusPage("servarr", "Servarr");
    /// </code>
    /// </example>
    public static IResourceBuilder<AutoKumaResource> AddAutoKuma(this IDistributedApplicationBuilder builder, string name, HostSettings host,
        IResourceBuilder<UptimeKumaResource> uptimeKuma, IResourceBuilder<ParameterResource> username, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(uptimeKuma);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        uptimeKuma.WithDockerSocket("its container monitors ask the engine whether each container runs",
            withoutDocker: "Uptime Kuma's container monitors watch Docker containers, not pods");

        var autoKuma = builder.AddResource(new AutoKumaResource(name, uptimeKuma.Resource))
            .WithAnnotation(new OptionalFeatureAnnotation("monitor sync"))
            .WithImage($"{AutoKumaContainerImageTags.Registry}/{AutoKumaContainerImageTags.Image}", AutoKumaContainerImageTags.Tag)
            // Root owns its data and the socket it reads: no capability (BigBoot/AutoKuma Dockerfile @ 2.0.0; docs/upstream/capabilities.md §11, inferred)
            .WithOnlyCapabilities()
            .WithEnvironment("TZ", host.TimeZone)
            .WithEnvironment("AUTOKUMA__KUMA__URL", uptimeKuma.GetEndpoint(UptimeKumaResource.PrimaryEndpointName))
            .WithEnvironment("AUTOKUMA__KUMA__USERNAME", username)
            .WithEnvironment("AUTOKUMA__KUMA__PASSWORD", password)
            .WithEnvironment("AUTOKUMA__DOCKER__HOSTS", $"unix://{DockerSocket}")
            .WithEnvironment("AUTOKUMA__DOCKER__LABEL_PREFIX", AutoKumaResource.LabelPrefix)
            .WithDockerSocket("reads the containers' kuma.* labels",
                withoutDocker: "AutoKuma reads Docker container labels, not pod annotations, and its container monitors watch Docker containers")
            .WithVolume($"{name}-data", DataPath)
            .WaitFor(uptimeKuma);
        return autoKuma.WithAnnotation(new ModelCompletionAnnotation(context => LabelModel(context, autoKuma.Resource)));
    }

    /// <summary>
    /// Sends alerts of every derived monitor to Pushbullet. The token reaches AutoKuma as the environment variable
    /// <c>AUTOKUMA__ENV__PUSHBULLET_ACCESS_TOKEN</c>; the label only holds a template that reads it.
    /// </summary>
    /// <example><code>autokuma.WithPushbulletNotification(builder.AddParameter("pushbullet-access-token", secret: true));</code></example>
    public static IResourceBuilder<AutoKumaResource> WithPushbulletNotification(this IResourceBuilder<AutoKumaResource> builder,
        IResourceBuilder<ParameterResource> accessToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(accessToken);
        var notification = new KumaNotificationAnnotation("pushbullet", "Pushbullet", "pushbullet", "pushbulletAccessToken",
            "AUTOKUMA__ENV__PUSHBULLET_ACCESS_TOKEN", accessToken.Resource);
        return builder.WithAnnotation(notification).WithEnvironment(notification.SecretVariable, accessToken)
            .WithAnnotation(new OptionalFeatureAnnotation("Pushbullet alerts", accessToken.Resource));
    }

    /// <summary>Creates a published status page at <c>/status/&lt;slug&gt;</c> for the apps with a public hostname.</summary>
    /// <example><code>autokuma.WithStatusPage("servarr", "Servarr");</code></example>
    public static IResourceBuilder<AutoKumaResource> WithStatusPage(this IResourceBuilder<AutoKumaResource> builder, string slug, string title)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithStatusPage({InputChecks.Quote(slug)}, {InputChecks.Quote(title)})", () => new KumaStatusPageAnnotation(slug, title));
    }

    /// <summary>Changes the monitor policy of every derived monitor (seed: 60 seconds, 2 retries).</summary>
    /// <example><code>autokuma.WithMonitorPolicy(TimeSpan.FromMinutes(5), maxRetries: 3);</code></example>
    public static IResourceBuilder<AutoKumaResource> WithMonitorPolicy(this IResourceBuilder<AutoKumaResource> builder, TimeSpan interval, int maxRetries)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (interval < TimeSpan.FromSeconds(20) || maxRetries < 0)
        {
            return InputChecks.Refuse(builder, $".WithMonitorPolicy({interval}, {maxRetries})",
                "the interval must be at least 20 seconds (Uptime Kuma's minimum) and the retries 0 or more; pass e.g. .WithMonitorPolicy(TimeSpan.FromSeconds(60), 2)");
        }

        builder.Resource.Interval = interval;
        builder.Resource.MaxRetries = maxRetries;
        return builder;
    }

    /// <summary>Keeps AutoKuma from creating monitors for this container.</summary>
    /// <example><code>builder.AddContainer("job", "docker.io/library/busybox", "1.37").WithoutMonitoring("runs once");</code></example>
    public static IResourceBuilder<T> WithoutMonitoring<T>(this IResourceBuilder<T> builder, string reason = "opted out") where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithCheckedAnnotation($".WithoutMonitoring({InputChecks.Quote(reason)})", () => new MonitoringExclusionAnnotation(reason));
    }

    private static void LabelModel(ModelCompletionContext context, AutoKumaResource autoKuma)
    {
        var containers = context.Resources.OfType<ContainerResource>().ToList();
        // A notification whose secret is empty when the model is built would be created with an empty token and fail on
        // every alert: leave it out (and its name off every monitor) until the value is set, then run or publish again.
        var notifications = autoKuma.Annotations.OfType<KumaNotificationAnnotation>()
            .Where(n => !string.IsNullOrWhiteSpace(n.Secret.BuildTimeValue(context.Builder.Configuration))).ToList();
        foreach (var container in containers)
        {
            var target = context.Builder.CreateResourceBuilder(container);
            foreach (var (key, value) in AutoKumaLabels.ForContainer(autoKuma, container, notifications))
            {
                target.WithLabel(key, value);
            }
        }

        var own = context.Builder.CreateResourceBuilder(autoKuma);
        foreach (var (key, value) in AutoKumaLabels.ForAutoKuma(autoKuma, containers, notifications))
        {
            own.WithLabel(key, value);
        }
    }
}
