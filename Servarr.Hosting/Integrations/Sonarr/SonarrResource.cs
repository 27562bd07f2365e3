namespace Servarr.Hosting.ApplicationModel;

/// <summary>Sonarr: finds, downloads and renames TV series.</summary>
/// <param name="name">The resource name.</param>
public sealed class SonarrResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the web UI / API endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
