namespace Servarr.Hosting.ApplicationModel;

/// <summary>Prowlarr: manages indexers and pushes them to Sonarr and Radarr.</summary>
/// <param name="name">The resource name.</param>
public sealed class ProwlarrResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the web UI / API endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
