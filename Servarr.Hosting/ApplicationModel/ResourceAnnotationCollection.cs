using System.Collections.ObjectModel;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>The ordered annotations of one resource.</summary>
public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>
{
}
