using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// With <c>WithNewsletter</c> but an empty <c>smtp-host</c>, the newsletter is off: Servarr's newsletter (found by its
/// name, <see cref="TautulliNewsletterItem.FriendlyName"/>) is removed if an earlier run made it, so Tautulli stops
/// mailing through a server the model no longer names; one read when there is none. Command <c>delete_newsletter</c>
/// with <c>newsletter_id</c> (Tautulli/Tautulli@v2.17.2 plexpy/webserve.py — <c>@addtoapi() def delete_newsletter</c>).
/// </summary>
internal sealed class TautulliNewsletterOffItem(TautulliApi api) : ConfigurationItem("newsletter", $"{TautulliNewsletterItem.FriendlyName} (off: no smtp-host)")
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var newsletters = await api.ReadAsync("get_newsletters", cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        var ours = newsletters.Where(n => (string?)n?["friendly_name"] == TautulliNewsletterItem.FriendlyName)
            .Select(n => n?["id"]?.ToJsonString()).OfType<string>().ToList();
        return ours.Count == 0 ? null : new ConfigurationChange("smtp-host is empty: Servarr's newsletter is removed", async ct =>
        {
            foreach (var id in ours)
            {
                await api.WriteAsync("delete_newsletter", [new("newsletter_id", id)], ct).ConfigureAwait(false);
            }
        });
    }
}
