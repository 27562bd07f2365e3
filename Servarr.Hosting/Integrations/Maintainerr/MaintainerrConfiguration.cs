using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// What the model means inside Maintainerr: the Plex server it references (waits for Plex's token), then the Seerr,
/// Tautulli, Sonarr and Radarr it references, each at the address Maintainerr reaches it on the stack's network (the VPN
/// gateway's name for the apps behind it) with that app's API key. Facts: docs/upstream/configuration-facts.md §6.
/// </summary>
internal static class MaintainerrConfiguration
{
    public static IEnumerable<ConfigurationItem> Items(AppConfigurationContext context)
    {
        var api = new MaintainerrApi(context.Http);
        if (PlexToken.ReferencedPlex(context) is { } plex)
        {
            yield return new MaintainerrPlexItem(api, context, plex);
        }

        foreach (var seerr in context.References<SeerrResource>())
        {
            yield return new MaintainerrServiceItem(api, "seerr", Connection(context, seerr), seerr.Name);
        }

        foreach (var tautulli in context.References<TautulliResource>())
        {
            yield return new MaintainerrServiceItem(api, "tautulli", Connection(context, tautulli), tautulli.Name);
        }

        foreach (var sonarr in context.References<SonarrResource>())
        {
            yield return new MaintainerrArrItem(api, "sonarr", Connection(context, sonarr), sonarr.Name);
        }

        foreach (var radarr in context.References<RadarrResource>())
        {
            yield return new MaintainerrArrItem(api, "radarr", Connection(context, radarr), radarr.Name);
        }
    }

    /// <summary>Where Maintainerr reaches <paramref name="app"/>'s <c>http</c> endpoint, and the app's API key.</summary>
    private static Func<CancellationToken, ValueTask<(string Url, string ApiKey)>> Connection(AppConfigurationContext context, ContainerResource app) =>
        async cancellationToken =>
        {
            var url = InNetworkAddress.Render(((IResourceWithEndpoints)app).GetEndpoint("http").Property(EndpointProperty.Url), context.Resource);
            var key = await context.ApiKeyAsync(app, cancellationToken).ConfigureAwait(false);
            return (url, key is { Length: > 0 } ? key : throw new ConfigurationException($"the API key parameter of '{app.Name}' has no value"));
        };
}
