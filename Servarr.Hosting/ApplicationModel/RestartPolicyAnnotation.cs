namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container's restart policy; the last one added wins.</summary>
/// <param name="Policy">The policy.</param>
public sealed record RestartPolicyAnnotation(RestartPolicy Policy) : IResourceAnnotation;
