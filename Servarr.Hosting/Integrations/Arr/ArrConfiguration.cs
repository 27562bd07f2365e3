using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// What the model means inside Sonarr, Radarr and Prowlarr (the same API family): a qBittorrent download client for each
/// qBittorrent the app references, its root folders, and Prowlarr's applications for the Sonarr and Radarr it references.
/// Provider and field names are the apps' own (docs/upstream/configuration-facts.md §2–3): Sonarr/Sonarr@v4.0.19.2979 and
/// Radarr/Radarr@v6.0.3.10276 src/NzbDrone.Core/Download/Clients/QBittorrent/QBittorrentSettings.cs, Prowlarr/Prowlarr
/// src/NzbDrone.Core/Applications/Sonarr/SonarrSettings.cs and Radarr/RadarrSettings.cs.
/// </summary>
internal static class ArrConfiguration
{
    /// <summary>The API of <paramref name="context"/>'s app (<c>v3</c> for Sonarr and Radarr, <c>v1</c> for Prowlarr), authenticated with its API key parameter.</summary>
    public static ArrApi Api(AppConfigurationContext context, string version) =>
        new(context.Http, version, cancellationToken => ApiKey(context, context.Resource, cancellationToken));

    /// <summary>
    /// Sonarr's or Radarr's items: for each referenced qBittorrent a download client named after it (host and port as
    /// the app reaches it — <c>localhost</c> when both are behind one VPN gateway —, the WebUI user and password, and the
    /// category field <paramref name="categoryField"/> set to <paramref name="category"/>), then each root folder.
    /// </summary>
    public static IEnumerable<ConfigurationItem> DownloadApp(AppConfigurationContext context, string categoryField, string category,
        IReadOnlyList<string> defaultRootFolders)
    {
        var api = Api(context, "v3");
        foreach (var qbittorrent in References<QBittorrentResource>(context))
        {
            var endpoint = qbittorrent.FindEndpoint(QBittorrentResource.PrimaryEndpointName);
            yield return new ArrProviderItem("download client", api, "downloadclient", async cancellationToken => new ArrProvider
            {
                Name = qbittorrent.Name,
                Implementation = "QBittorrent",
                ConfigContract = "QBittorrentSettings",
                Protocol = "torrent",
                Enable = true,
                Fields =
                [
                    ArrValues.Text("host", InNetworkAddress.HostFor(qbittorrent, context.Resource)),
                    ArrValues.Number("port", endpoint?.TargetPort ?? 8080),
                    ArrValues.Flag("useSsl", false),
                    ArrValues.Text("username", QBittorrentResource.WebUiUsername),
                    ArrValues.Text("password", await context.Value(qbittorrent.WebUiPassword, cancellationToken).ConfigureAwait(false) ?? ""),
                    ArrValues.Text(categoryField, category),
                ],
            }, new HashSet<string>(["password"], StringComparer.Ordinal), qbittorrent.Name);
        }

        var folders = context.Resource.Annotations.OfType<RootFolderAnnotation>().Select(f => f.Path).ToList();
        foreach (var folder in folders.Count > 0 ? folders : defaultRootFolders)
        {
            yield return new ArrRootFolderItem(api, folder);
        }
    }

    /// <summary>
    /// Prowlarr's items: for each referenced Sonarr or Radarr an application with full sync, where Prowlarr reaches the
    /// app (<c>baseUrl</c>), where the app reaches Prowlarr (<c>prowlarrUrl</c>, written into the indexers it syncs) and
    /// the app's API key.
    /// </summary>
    public static IEnumerable<ConfigurationItem> Prowlarr(AppConfigurationContext context)
    {
        var api = Api(context, "v1");
        var prowlarrUrl = context.Resource.GetEndpoint("http").Property(EndpointProperty.Url);
        foreach (var app in References<ContainerResource>(context).Where(r => r is SonarrResource or RadarrResource))
        {
            var implementation = app is SonarrResource ? "Sonarr" : "Radarr";
            yield return new ArrProviderItem("application", api, "applications", async cancellationToken => new ArrProvider
            {
                Name = app.Name,
                Implementation = implementation,
                ConfigContract = $"{implementation}Settings",
                SyncLevel = "fullSync",
                Fields =
                [
                    ArrValues.Text("prowlarrUrl", InNetworkAddress.Render(prowlarrUrl, app)),
                    ArrValues.Text("baseUrl", InNetworkAddress.Render(((IResourceWithEndpoints)app).GetEndpoint("http").Property(EndpointProperty.Url), context.Resource)),
                    ArrValues.Text("apiKey", await ApiKey(context, app, cancellationToken).ConfigureAwait(false) ?? ""),
                ],
            }, new HashSet<string>(["apiKey"], StringComparer.Ordinal), app.Name);
        }
    }

    private static IEnumerable<T> References<T>(AppConfigurationContext context) where T : IResource => context.References<T>();

    private static ValueTask<string?> ApiKey(AppConfigurationContext context, IResource app, CancellationToken cancellationToken) =>
        context.ApiKeyAsync(app, cancellationToken);
}
