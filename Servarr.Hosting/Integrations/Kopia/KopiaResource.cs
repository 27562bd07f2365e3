namespace Servarr.Hosting.ApplicationModel;

/// <summary>Kopia: backs up every app's configuration, read-only, to object storage.</summary>
/// <param name="name">The resource name.</param>
public sealed class KopiaResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";
}
