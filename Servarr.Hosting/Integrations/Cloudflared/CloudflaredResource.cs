namespace Servarr.Hosting.ApplicationModel;

/// <summary>cloudflared: the Cloudflare tunnel, the only way in from the internet.</summary>
/// <param name="name">The resource name.</param>
public sealed class CloudflaredResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "metrics";
}
