namespace Servarr.Hosting.ApplicationModel;

/// <summary>Run a tiny init as PID 1 that forwards signals and reaps zombies (compose <c>init: true</c>); Seerr needs it.</summary>
public sealed class InitProcessAnnotation : IResourceAnnotation;
