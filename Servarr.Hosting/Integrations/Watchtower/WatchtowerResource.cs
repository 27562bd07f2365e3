namespace Servarr.Hosting.ApplicationModel;

/// <summary>Watchtower (the maintained fork; the original is archived): keeps images up to date.</summary>
/// <param name="name">The resource name.</param>
public sealed class WatchtowerResource(string name) : ContainerResource(name);
