namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// AutoKuma: creates Uptime Kuma monitors, notifications and groups from <c>kuma.*</c> Docker labels, which this
/// resource derives from the model when the builder freezes it.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="uptimeKuma">The Uptime Kuma instance it manages.</param>
public sealed class AutoKumaResource(string name, UptimeKumaResource uptimeKuma) : ContainerResource(name)
{
    /// <summary>The prefix AutoKuma scans labels for.</summary>
    public const string LabelPrefix = "kuma";

    /// <summary>The AutoKuma id of the Docker host entity every container monitor uses.</summary>
    public const string DockerHostId = "servarr-docker";

    /// <summary>The AutoKuma id of the group monitor holding the monitors of apps with a public hostname.</summary>
    public const string PublicGroupId = "servarr-public";

    /// <summary>The Uptime Kuma instance it manages.</summary>
    public UptimeKumaResource UptimeKuma { get; } = uptimeKuma;

    /// <summary>How often every derived monitor checks (the seed policy: 60 seconds).</summary>
    public TimeSpan Interval { get; internal set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed retries before a monitor is down and notifies (the seed policy: 2).</summary>
    public int MaxRetries { get; internal set; } = 2;
}
