namespace Servarr.Hosting.ApplicationModel;

/// <summary>Plex Media Server (official image): streams the library to every screen.</summary>
/// <param name="name">The resource name.</param>
public sealed class PlexResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
