namespace Servarr.Hosting.ApplicationModel;

/// <summary>Wizarr: invitations and onboarding for new Plex users.</summary>
/// <param name="name">The resource name.</param>
public sealed class WizarrResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
