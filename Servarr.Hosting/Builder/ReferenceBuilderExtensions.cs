using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary><c>WithReference</c>: tell an app where another app is, and its API key.</summary>
public static class ReferenceBuilderExtensions
{
    /// <summary>
    /// Records that the resource uses <paramref name="source"/> and injects the URL of every endpoint of it as
    /// <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c> and <c>&lt;NAME&gt;_&lt;ENDPOINT&gt;</c>, plus <c>&lt;NAME&gt;_API_KEY</c> when
    /// the app has an API key parameter — unless the resource chose otherwise with Aspire's <c>WithReferenceEnvironment</c>
    /// (the media apps' integrations choose <see cref="ReferenceEnvironmentInjectionFlags.None"/>: they read none of it).
    /// </summary>
    /// <example>
    /// <code>
    /// seerr.WithReference(sonarr); // SONARR_HTTP=http://sonarr:8989, SONARR_API_KEY=...
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithEndpoints> source)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        var target = source.Resource;
        var holder = builder.Resource;
        return builder
            .WithAnnotation(new ResourceReferenceAnnotation(target))
            .WithReferenceRelationship(target)
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                foreach (var endpoint in target.GetEndpointAnnotations())
                {
                    AddEndpointVariables(context, holder, new EndpointReference(target, endpoint.Name));
                }

                AddApiKey(context, holder, target);
            }));
    }



    private static ReferenceEnvironmentInjectionFlags Flags(IResource holder) =>
        holder.Annotations.OfType<ReferenceEnvironmentInjectionAnnotation>().LastOrDefault()?.Flags ?? ReferenceEnvironmentInjectionFlags.All;

    private static void AddEndpointVariables(EnvironmentCallbackContext context, IResource holder, EndpointReference endpoint)
    {
        var owner = endpoint.Resource;
        var flags = Flags(holder);
        if (flags.HasFlag(ReferenceEnvironmentInjectionFlags.ServiceDiscovery))
        {
            context.EnvironmentVariables[$"services__{owner.Name}__{endpoint.EndpointName}__0"] = endpoint.Property(EndpointProperty.Url);
        }

        if (flags.HasFlag(ReferenceEnvironmentInjectionFlags.Endpoints))
        {
            context.EnvironmentVariables[$"{owner.ToEnvironmentName()}_{ServarrResourceExtensions.ToEnvironmentName(endpoint.EndpointName)}"] = endpoint.Property(EndpointProperty.Url);
        }
    }

    private static void AddApiKey(EnvironmentCallbackContext context, IResource holder, IResource target)
    {
        if (Flags(holder).HasFlag(ReferenceEnvironmentInjectionFlags.ConnectionProperties) && target.GetApiKey() is { } key)
        {
            context.EnvironmentVariables[$"{target.ToEnvironmentName()}_API_KEY"] = key;
        }
    }
}
