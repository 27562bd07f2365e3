namespace Servarr.Hosting.ApplicationModel;

/// <summary>Plex Media Server (official image): streams the library to every screen.</summary>
/// <param name="name">The resource name.</param>
public sealed class PlexResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";

    /// <summary>The parameter holding the server's token when it is given rather than read from Preferences.xml (<see cref="PlexBuilderExtensions.WithToken"/>).</summary>
    public ParameterResource? TokenParameter { get; internal set; }
}
