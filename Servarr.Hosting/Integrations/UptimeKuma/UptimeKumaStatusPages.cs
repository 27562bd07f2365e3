namespace Servarr.Hosting;

/// <summary>
/// What of Uptime Kuma a public hostname may reach: its status pages and what they load, never the admin UI, its
/// socket.io (which, before the first user exists, lets anyone create the admin: its <c>setup</c> event), <c>/metrics</c>
/// or push URLs. Read in louislam/uptime-kuma@2.5.3 (see UPSTREAM.md, "Public status pages").
/// </summary>
public static class UptimeKumaStatusPages
{
    /// <summary>A status page slug as Uptime Kuma accepts it (<c>checkSlug</c>), any case.</summary>
    private const string Slug = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*";

    /// <summary>
    /// The paths a public status page needs, anchored: the page and its feed, its JSON (preloaded in the page; the API is the
    /// fallback), heartbeats, manifest, incident history and badge, the hashed bundles under <c>/assets/</c>, an uploaded logo
    /// (<c>/upload/logo&lt;id&gt;.png</c> only), and the icons, manifest, service worker and robots file at the root.
    /// </summary>
    public const string PublicPaths =
        "^/(status/" + Slug + "(/|/rss)?"
        + "|api/status-page/" + Slug
        + "|api/status-page/heartbeat/" + Slug
        + "|api/status-page/" + Slug + "/(manifest\\.json|incident-history|badge)"
        + "|assets/[^/]+"
        + "|upload/logo[0-9]+\\.png"
        + "|icon\\.svg|favicon\\.ico|icon(-192x192|-512x512)?\\.png|apple-touch-icon(-precomposed)?\\.png|manifest\\.json|serviceWorker\\.js|robots\\.txt)$";
}
