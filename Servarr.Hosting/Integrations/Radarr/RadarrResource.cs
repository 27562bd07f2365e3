namespace Servarr.Hosting.ApplicationModel;

/// <summary>Radarr: finds, downloads and renames movies.</summary>
/// <param name="name">The resource name.</param>
public sealed class RadarrResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the web UI / API endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
