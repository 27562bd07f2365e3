namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container's lifetime in run mode; the last one added wins.</summary>
/// <param name="Lifetime">The lifetime.</param>
public sealed record ContainerLifetimeAnnotation(ContainerLifetime Lifetime) : IResourceAnnotation;
