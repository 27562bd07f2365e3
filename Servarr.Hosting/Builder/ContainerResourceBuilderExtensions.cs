using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds containers and sets their image, entrypoint and arguments.</summary>
public static class ContainerResourceBuilderExtensions
{
    /// <summary>Adds a container running <paramref name="image"/> at <paramref name="tag"/>.</summary>
    /// <example>
    /// <code>
    /// builder.AddContainer("whoami", "docker.io/traefik/whoami", "v1.10").WithHttpEndpoint(targetPort: 80);
    /// </code>
    /// </example>
    public static IResourceBuilder<ContainerResource> AddContainer(this IDistributedApplicationBuilder builder, string name,
        string image, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new ContainerResource(name)).WithImage(image, tag);
    }

    /// <summary>Sets the image; a registry prefix such as <c>lscr.io/</c> in <paramref name="image"/> is split off.</summary>
    public static IResourceBuilder<T> WithImage<T>(this IResourceBuilder<T> builder, string image, string? tag = null)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var (registry, repository) = SplitRegistry(image);
        var current = builder.Resource.GetImage();
        return builder.WithAnnotation(new ContainerImageAnnotation(repository, tag ?? current?.Tag, registry ?? current?.Registry),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Sets the image tag, e.g. <c>.WithImageTag("4.0.19.2979-ls316")</c>. Never use <c>latest</c>.</summary>
    public static IResourceBuilder<T> WithImageTag<T>(this IResourceBuilder<T> builder, string tag) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return builder.WithAnnotation(RequireImage(builder).With(tag: tag), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Sets the registry, e.g. <c>.WithImageRegistry("ghcr.io")</c> to pull a mirror.</summary>
    public static IResourceBuilder<T> WithImageRegistry<T>(this IResourceBuilder<T> builder, string registry) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        return builder.WithAnnotation(RequireImage(builder).With(registry: registry), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Replaces the image's entrypoint.</summary>
    public static IResourceBuilder<T> WithEntrypoint<T>(this IResourceBuilder<T> builder, string entrypoint) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EntrypointAnnotation(entrypoint), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Appends arguments (compose <c>command</c>): strings, parameters or endpoint references.</summary>
    /// <example>
    /// <code>
    /// kopia.WithArgs("server", "start", "--insecure", "--address=0.0.0.0:51515");
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args) where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        var expressions = args.Select(a => EnvironmentEvaluator.ToExpression(builder.Resource, "args", a)).ToList();
        return builder.WithAnnotation(new CommandLineArgsAnnotation(expressions));
    }

    private static ContainerImageAnnotation RequireImage<T>(IResourceBuilder<T> builder) where T : ContainerResource =>
        builder.Resource.GetImage()
        ?? throw new InvalidOperationException($"resource '{builder.Resource.Name}' has no image yet; call WithImage first.");

    private static (string? Registry, string Repository) SplitRegistry(string image)
    {
        var slash = image.IndexOf('/');
        if (slash > 0)
        {
            var first = image[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                return (first, image[(slash + 1)..]);
            }
        }

        return (null, image);
    }
}
