namespace Servarr.Hosting.ApplicationModel;

/// <summary>Tautulli: Plex statistics, notifications and newsletters.</summary>
/// <param name="name">The resource name.</param>
public sealed class TautulliResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
