using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// What the model means inside Seerr, in the order its setup wizard goes: the admin user (from the referenced Plex's
/// token), the Plex server and its libraries, a Sonarr/Radarr server for each one referenced, Tautulli, then the end of
/// the wizard. Facts: docs/upstream/configuration-facts.md §4 and the items' own remarks (seerr-team/seerr).
/// </summary>
/// <remarks>
/// Every settings route needs an admin (server/routes/index.ts: <c>router.use('/settings', isAuthenticated(Permission.ADMIN), …)</c>)
/// and the API key is one only once user 1 exists, so without Plex's token every item waits, Sonarr's and Radarr's too.
/// </remarks>
internal static class SeerrConfiguration
{
    /// <summary>The quality profile Seerr requests with unless <see cref="SeerrBuilderExtensions.WithQualityProfile"/> names another: one Sonarr and Radarr both create.</summary>
    public const string DefaultQualityProfile = "HD-1080p";

    public static IEnumerable<ConfigurationItem> Items(AppConfigurationContext context)
    {
        var seerr = context.Resource;
        var api = new SeerrApi(context.Http, cancellationToken => context.ApiKeyAsync(seerr, cancellationToken));
        var plex = PlexToken.ReferencedPlex(context);
        if (plex is not null)
        {
            yield return new SeerrAdminItem(api, cancellationToken => PlexToken.ReadAsync(context, plex, cancellationToken), plex.Name);
            yield return new SeerrPlexServerItem(api, plex.Name, InNetworkAddress.HostFor(plex, seerr), TargetPort(plex, PlexBuilderExtensions.PlexPort));
            yield return new SeerrPlexLibrariesItem(api, plex.Name);
        }

        var profile = seerr.Annotations.OfType<QualityProfileAnnotation>().LastOrDefault()?.Name ?? DefaultQualityProfile;
        // Seerr keeps one default server per kind (saving one clears isDefault on the others): the first referenced one.
        foreach (var (sonarr, index) in context.References<SonarrResource>().Select((r, i) => (r, i)))
        {
            var service = new SeerrService(SeerrService.Sonarr, sonarr.Name, InNetworkAddress.HostFor(sonarr, seerr),
                TargetPort(sonarr, SonarrBuilderExtensions.SonarrPort), profile, RootFolder(sonarr, SonarrBuilderExtensions.DefaultRootFolder), IsDefault: index == 0);
            yield return new SeerrServiceItem(api, service, cancellationToken => context.ApiKeyAsync(sonarr, cancellationToken));
        }

        foreach (var (radarr, index) in context.References<RadarrResource>().Select((r, i) => (r, i)))
        {
            var service = new SeerrService(SeerrService.Radarr, radarr.Name, InNetworkAddress.HostFor(radarr, seerr),
                TargetPort(radarr, RadarrBuilderExtensions.RadarrPort), profile, RootFolder(radarr, RadarrBuilderExtensions.DefaultRootFolder), IsDefault: index == 0);
            yield return new SeerrServiceItem(api, service, cancellationToken => context.ApiKeyAsync(radarr, cancellationToken));
        }

        foreach (var tautulli in context.References<TautulliResource>())
        {
            yield return new SeerrTautulliItem(api, tautulli.Name, InNetworkAddress.HostFor(tautulli, seerr),
                TargetPort(tautulli, TautulliBuilderExtensions.TautulliPort), cancellationToken => context.ApiKeyAsync(tautulli, cancellationToken));
        }

        yield return new SeerrInitializeItem(api, plex is not null);
    }

    /// <summary>The app's first root folder (<c>WithRootFolder</c>), else the one its integration adds by default.</summary>
    private static string RootFolder(IResource app, string fallback) =>
        app.Annotations.OfType<RootFolderAnnotation>().FirstOrDefault()?.Path ?? fallback;

    private static int TargetPort(IResource app, int fallback) =>
        (app as IResourceWithEndpoints)?.FindEndpoint("http")?.TargetPort ?? fallback;
}
