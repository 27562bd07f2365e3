using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Fluent handle on one resource: the <c>With*</c> extension methods add annotations through it.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IResourceBuilder<out T> where T : IResource
{
    /// <summary>The resource.</summary>
    T Resource { get; }

    /// <summary>The application builder the resource belongs to.</summary>
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    /// <summary>Adds an annotation, or replaces every annotation of the same type.</summary>
    IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation, ResourceAnnotationMutationBehavior behavior = ResourceAnnotationMutationBehavior.Append)
        where TAnnotation : IResourceAnnotation;
}
