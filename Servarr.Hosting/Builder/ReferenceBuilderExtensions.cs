using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary><c>WithReference</c>: tell an app where another app is, and its API key.</summary>
public static class ReferenceBuilderExtensions
{
    /// <summary>
    /// Injects the URL of every endpoint of <paramref name="source"/> as <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>
    /// and <c>&lt;NAME&gt;_&lt;ENDPOINT&gt;</c>, plus <c>&lt;NAME&gt;_API_KEY</c> when the app has an API key parameter.
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
        return builder
            .WithAnnotation(new ResourceReferenceAnnotation(target))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                foreach (var endpoint in target.GetEndpoints())
                {
                    AddEndpointVariables(context, new EndpointReference(target, endpoint.Name));
                }

                AddApiKey(context, target);
            }));
    }

    /// <summary>Injects the URL of one endpoint, plus the owner's API key when it has one.</summary>
    /// <example><code>maintainerr.WithReference(plex.GetEndpoint("http"));</code></example>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, EndpointReference endpoint)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);
        return builder
            .WithAnnotation(new ResourceReferenceAnnotation(endpoint.Resource, endpoint.EndpointName))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                AddEndpointVariables(context, endpoint);
                AddApiKey(context, endpoint.Resource);
            }));
    }

    private static void AddEndpointVariables(EnvironmentCallbackContext context, EndpointReference endpoint)
    {
        var owner = endpoint.Resource;
        context.EnvironmentVariables[$"services__{owner.Name}__{endpoint.EndpointName}__0"] = endpoint.Url;
        context.EnvironmentVariables[$"{owner.ToEnvironmentName()}_{ResourceExtensions.ToEnvironmentName(endpoint.EndpointName)}"] = endpoint.Url;
    }

    private static void AddApiKey(EnvironmentCallbackContext context, IResource target)
    {
        if (target.GetApiKey() is { } key)
        {
            context.EnvironmentVariables[$"{target.ToEnvironmentName()}_API_KEY"] = key;
        }
    }
}
