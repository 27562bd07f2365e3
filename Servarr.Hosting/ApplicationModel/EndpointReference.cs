namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Names one endpoint of a resource, for <c>WithEnvironment</c> and <c>WithReference</c>. The endpoint need not
/// exist yet when the reference is made; the validator reports it when it never does.
/// </summary>
/// <example>
/// <code>
/// var sonarrUrl = sonarr.GetEndpoint("http");
/// seerr.WithEnvironment("SONARR_URL", sonarrUrl);
/// </code>
/// </example>
public sealed class EndpointReference : IValueReference
{
    /// <summary>Creates a reference to endpoint <paramref name="endpointName"/> of <paramref name="resource"/>.</summary>
    public EndpointReference(IResourceWithEndpoints resource, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        Resource = resource;
        EndpointName = endpointName;
    }

    /// <summary>The resource that owns the endpoint.</summary>
    public IResourceWithEndpoints Resource { get; }

    /// <summary>The endpoint's name, e.g. <c>http</c>.</summary>
    public string EndpointName { get; }

    /// <summary>The URL of the endpoint (<c>http://sonarr:8989</c> inside the stack).</summary>
    public EndpointPropertyReference Url => Property(EndpointProperty.Url);

    /// <summary>One part of the endpoint's address.</summary>
    public EndpointPropertyReference Property(EndpointProperty property) => new(this, property);

    IResource IValueReference.Owner => Resource;

    /// <inheritdoc />
    public override string ToString() => $"{Resource.Name}.{EndpointName}";
}
