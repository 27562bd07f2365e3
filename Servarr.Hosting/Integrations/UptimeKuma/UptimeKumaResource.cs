namespace Servarr.Hosting.ApplicationModel;

/// <summary>Uptime Kuma: monitors every app and publishes a status page.</summary>
/// <param name="name">The resource name.</param>
public sealed class UptimeKumaResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
