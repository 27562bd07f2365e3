namespace Servarr.Hosting.ApplicationModel;

/// <summary>Records that a resource uses another one (<c>WithReference</c>): for ordering, validation and graphs.</summary>
public sealed class ResourceReferenceAnnotation : IResourceAnnotation
{
    /// <summary>Records a reference.</summary>
    public ResourceReferenceAnnotation(IResource target, string? endpointName = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        EndpointName = endpointName;
    }

    /// <summary>The resource referred to.</summary>
    public IResource Target { get; }

    /// <summary>The endpoint referred to, or null for all of them.</summary>
    public string? EndpointName { get; }
}
