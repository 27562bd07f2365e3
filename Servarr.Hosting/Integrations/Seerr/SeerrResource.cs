namespace Servarr.Hosting.ApplicationModel;

/// <summary>Seerr: media requests for your users (the maintained successor of Overseerr, which it migrates).</summary>
/// <param name="name">The resource name.</param>
public sealed class SeerrResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
