namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// One named thing in the stack: a container, a parameter or a network.
/// Everything a resource is asked to do is recorded as annotations.
/// </summary>
/// <example>
/// <code>
/// var sonarr = builder.AddSonarr("sonarr");
/// IResource resource = sonarr.Resource; // resource.Name == "sonarr"
/// </code>
/// </example>
public interface IResource
{
    /// <summary>The resource name: container name, compose service key, Kubernetes name and manifest key.</summary>
    string Name { get; }

    /// <summary>The facts recorded about this resource, in the order they were added.</summary>
    ResourceAnnotationCollection Annotations { get; }
}
