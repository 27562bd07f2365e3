using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// What the model means inside Tautulli: the Plex server it references (the wizard's settings, so the wizard is done), then
/// the newsletter when <c>WithNewsletter</c> names a mail server. Facts: docs/upstream/configuration-facts.md §5.
/// </summary>
internal static class TautulliConfiguration
{
    public static IEnumerable<ConfigurationItem> Items(AppConfigurationContext context)
    {
        var api = new TautulliApi(context.Http, cancellationToken => context.ApiKeyAsync(context.Resource, cancellationToken));
        if (PlexToken.ReferencedPlex(context) is { } plex)
        {
            yield return new TautulliPlexItem(api, context, plex);
        }

        if (context.Resource.TryGetLastAnnotation<TautulliNewsletterAnnotation>(out var newsletter))
        {
            yield return KnownEmpty(context, newsletter.Smtp.Host.Resource)
                ? new TautulliNewsletterOffItem(api)
                : new TautulliNewsletterItem(api, context, newsletter.Smtp);
        }
    }

    /// <summary>
    /// Whether the parameter's value is already known to be empty (configuration and .env values are known at once): then
    /// the newsletter is off, and an earlier one of Servarr's is removed. A value still being entered in the dashboard keeps the item, which reads it.
    /// </summary>
    private static bool KnownEmpty(AppConfigurationContext context, ParameterResource parameter)
    {
        var value = context.Value(parameter, CancellationToken.None);
        return value.IsCompletedSuccessfully && string.IsNullOrWhiteSpace(value.Result);
    }
}
