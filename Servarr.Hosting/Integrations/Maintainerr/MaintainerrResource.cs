namespace Servarr.Hosting.ApplicationModel;

/// <summary>Maintainerr: rules that clean unwatched media out of the library.</summary>
/// <param name="name">The resource name.</param>
public sealed class MaintainerrResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
