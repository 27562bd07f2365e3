using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

internal sealed class ResourceBuilder<T>(T resource, IDistributedApplicationBuilder applicationBuilder) : IResourceBuilder<T>
    where T : IResource
{
    public T Resource { get; } = resource;

    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    public IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation, ResourceAnnotationMutationBehavior behavior)
        where TAnnotation : IResourceAnnotation
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (behavior == ResourceAnnotationMutationBehavior.Replace)
        {
            foreach (var existing in Resource.Annotations.OfType<TAnnotation>().ToList())
            {
                Resource.Annotations.Remove(existing);
            }
        }

        Resource.Annotations.Add(annotation);
        return this;
    }
}
