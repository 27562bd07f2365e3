namespace Servarr.Hosting.ApplicationModel;

/// <summary>Marker for one immutable fact recorded on a resource (an image, a mount, an endpoint...).</summary>
public interface IResourceAnnotation;
