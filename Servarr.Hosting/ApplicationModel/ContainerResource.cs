namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A container in the stack. Its image, mounts, endpoints and environment are annotations added by
/// <c>AddContainer</c> and the <c>With*</c> methods.
/// </summary>
/// <example>
/// <code>
/// builder.AddContainer("whoami", "docker.io/traefik/whoami", "v1.10")
///        .WithHttpEndpoint(targetPort: 80);
/// </code>
/// </example>
public class ContainerResource(string name)
    : Resource(name), IResourceWithEndpoints, IResourceWithEnvironment, IResourceWithWaitSupport;
