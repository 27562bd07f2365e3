namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The image defines its own Docker <c>HEALTHCHECK</c>, which Servarr keeps: compose writes none, but still waits
/// for <c>service_healthy</c>.
/// </summary>
public sealed class ImageHealthCheckAnnotation : IResourceAnnotation;
