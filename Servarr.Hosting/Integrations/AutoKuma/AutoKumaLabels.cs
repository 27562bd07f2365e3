using System.Globalization;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Derives AutoKuma's <c>kuma.&lt;id&gt;.&lt;type&gt;.&lt;setting&gt;</c> labels from the model: a container monitor for every
/// container, an HTTP monitor for every HTTP health path (at the address other containers use), and the shared
/// entities (Docker host, notification, public group, status page) on AutoKuma's own container.
/// </summary>
public static class AutoKumaLabels
{
    /// <summary>The labels of one container's own monitors (empty when it opted out).</summary>
    /// <example><code>AutoKumaLabels.ForContainer(autokuma, sonarr)["kuma.sonarr-http.http.url"] // "http://gluetun:8989/ping"</code></example>
    /// <param name="autoKuma">The AutoKuma resource.</param>
    /// <param name="container">The container to monitor.</param>
    /// <param name="notifications">The notifications to attach (default: every one AutoKuma declares).</param>
    public static IReadOnlyDictionary<string, string> ForContainer(AutoKumaResource autoKuma, ContainerResource container,
        IReadOnlyList<KumaNotificationAnnotation>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(autoKuma);
        ArgumentNullException.ThrowIfNull(container);
        notifications ??= autoKuma.Annotations.OfType<KumaNotificationAnnotation>().ToList();
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (container.Annotations.OfType<MonitoringExclusionAnnotation>().Any())
        {
            return labels;
        }

        var docker = $"{container.Name}-container";
        Monitor(autoKuma, notifications, labels, docker, "docker", $"{container.Name} (container)", parent: null);
        labels[Key(docker, "docker", "docker_container")] = container.Name;
        labels[Key(docker, "docker", "docker_host_name")] = AutoKumaResource.DockerHostId;

        if (container is not IResourceWithEndpoints withEndpoints)
        {
            return labels;
        }

        var publicEndpoints = container.Annotations.OfType<PublicHostnameAnnotation>().Select(p => p.EndpointName).ToHashSet(StringComparer.Ordinal);
        foreach (var health in container.Annotations.OfType<HttpHealthCheckAnnotation>())
        {
            var id = health.EndpointName == "http" ? $"{container.Name}-http" : $"{container.Name}-{health.EndpointName}";
            var name = health.EndpointName == "http" ? container.Name : $"{container.Name} ({health.EndpointName})";
            Monitor(autoKuma, notifications, labels, id, "http", name, publicEndpoints.Contains(health.EndpointName) ? AutoKumaResource.PublicGroupId : null);
            var address = InNetworkAddress.Render(new EndpointReference(withEndpoints, health.EndpointName).Property(EndpointProperty.Url));
            labels[Key(id, "http", "url")] = address + health.Path;
            if (health.StatusCode is < 200 or > 299)
            {
                labels[Key(id, "http", "accepted_statuscodes")] = $"[\"{health.StatusCode.ToString(CultureInfo.InvariantCulture)}\"]";
            }
        }

        return labels;
    }

    /// <summary>The shared entities, labelled on AutoKuma's own container: Docker host, notification, group, status page.</summary>
    /// <example><code>AutoKumaLabels.ForAutoKuma(autokuma, model.Containers)["kuma.servarr-docker.docker_host.path"] // "/var/run/docker.sock"</code></example>
    /// <param name="autoKuma">The AutoKuma resource.</param>
    /// <param name="containers">Every container of the model.</param>
    /// <param name="notifications">The notifications to create (default: every one AutoKuma declares).</param>
    public static IReadOnlyDictionary<string, string> ForAutoKuma(AutoKumaResource autoKuma, IEnumerable<ContainerResource> containers,
        IReadOnlyList<KumaNotificationAnnotation>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(autoKuma);
        ArgumentNullException.ThrowIfNull(containers);
        notifications ??= autoKuma.Annotations.OfType<KumaNotificationAnnotation>().ToList();
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Key(AutoKumaResource.DockerHostId, "docker_host", "name")] = "Servarr Docker engine",
            [Key(AutoKumaResource.DockerHostId, "docker_host", "connection_type")] = "socket",
            [Key(AutoKumaResource.DockerHostId, "docker_host", "path")] = AutoKumaBuilderExtensions.DockerSocket,
        };

        foreach (var notification in notifications)
        {
            labels[Key(notification.NotificationId, "notification", "name")] = notification.DisplayName;
            labels[Key(notification.NotificationId, "notification", "active")] = "true";
            labels[Key(notification.NotificationId, "notification", "config")] = notification.ConfigTemplate;
        }

        var publicApps = containers.Where(c => !c.Annotations.OfType<MonitoringExclusionAnnotation>().Any()
                && c.Annotations.OfType<PublicHostnameAnnotation>().Any(p => c.Annotations.OfType<HttpHealthCheckAnnotation>().Any(h => h.EndpointName == p.EndpointName)))
            .Select(c => c.Name).ToList();
        if (publicApps.Count > 0)
        {
            Monitor(autoKuma, notifications, labels, AutoKumaResource.PublicGroupId, "group", "Public apps", parent: null);
        }

        if (autoKuma.Annotations.OfType<KumaStatusPageAnnotation>().LastOrDefault() is { } page)
        {
            const string id = "servarr-status-page";
            labels[Key(id, "status_page", "slug")] = page.PageSlug;
            labels[Key(id, "status_page", "title")] = page.Title;
            labels[Key(id, "status_page", "description")] = $"Public apps: {string.Join(", ", publicApps)}";
            labels[Key(id, "status_page", "published")] = "true";
        }

        return labels;
    }

    private static void Monitor(AutoKumaResource autoKuma, IReadOnlyList<KumaNotificationAnnotation> notifications,
        SortedDictionary<string, string> labels, string id, string type, string name, string? parent)
    {
        labels[Key(id, type, "name")] = name;
        labels[Key(id, type, "interval")] = ((int)autoKuma.Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        labels[Key(id, type, "max_retries")] = autoKuma.MaxRetries.ToString(CultureInfo.InvariantCulture);
        if (notifications.Count > 0)
        {
            // AutoKuma's monitor setting is notification_name_list (a JSON list of notification ids); it drops keys it
            // does not know without a word, so a misspelt one means no alert ever leaves.
            labels[Key(id, type, "notification_name_list")] = $"[{string.Join(",", notifications.Select(n => $"\"{n.NotificationId}\""))}]";
        }

        if (parent is not null)
        {
            labels[Key(id, type, "parent_name")] = parent;
        }
    }

    private static string Key(string id, string type, string setting) => $"{AutoKumaResource.LabelPrefix}.{id}.{type}.{setting}";
}
