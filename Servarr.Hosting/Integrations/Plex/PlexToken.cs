using System.Xml.Linq;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The Plex server's token, which Plex's own API and the apps that call Plex (Seerr, Tautulli, Maintainerr) need: the
/// <c>plex-token</c> parameter when it has a value (<see cref="PlexBuilderExtensions.WithToken"/>), else the
/// <c>PlexOnlineToken</c> attribute Plex writes into its Preferences.xml once claimed (with <c>plex-claim</c> on its
/// first start, or in its web UI). Without either, the items that need it wait (<see cref="ConfigurationWaitException"/>)
/// with what to do; Plex and the apps stay healthy meanwhile.
/// </summary>
/// <remarks>
/// Preferences.xml is <c>/config/Library/Application Support/Plex Media Server/Preferences.xml</c> in the container, its
/// settings attributes of the root <c>Preferences</c> element, the token <c>PlexOnlineToken</c>
/// (plexinc/pms-docker: root/etc/cont-init.d/40-plex-first-run, <c>prefFile=</c> and <c>setPref "PlexOnlineToken"</c>).
/// </remarks>
public static class PlexToken
{
    /// <summary>Where Preferences.xml is, under Plex's config folder.</summary>
    public const string PreferencesPath = "Library/Application Support/Plex Media Server/Preferences.xml";

    /// <summary>The token of <paramref name="plex"/>; throws <see cref="ConfigurationWaitException"/> when there is none yet.</summary>
    /// <example><code>var token = await PlexToken.ReadAsync(context, plex, ct); // sent as X-Plex-Token</code></example>
    public static async Task<string> ReadAsync(AppConfigurationContext context, PlexResource plex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plex);
        if (plex.TokenParameter is { } parameter && await context.Value(parameter, cancellationToken).ConfigureAwait(false) is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        var folder = context.ConfigFolder(plex);
        try
        {
            if (folder is not null && ReadPreferences(Path.Combine(folder, PreferencesPath)) is { } token)
            {
                context.RegisterSecret(token);
                return token;
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"cannot read {Path.Combine(folder!, PreferencesPath)} (permission denied) for the token of Plex '{plex.Name}'; run the AppHost as the user that owns {folder} (PUID), or set {(plex.TokenParameter?.ConfigurationKey ?? "a plex-token parameter with .WithToken(...)")}");
        }

        var where = folder is null ? "its Preferences.xml is not on this machine" : $"{Path.Combine(folder, PreferencesPath)} has no PlexOnlineToken yet";
        throw new ConfigurationWaitException(
            $"needs the token of Plex '{plex.Name}', which is not claimed ({where}); sign in to Plex's web UI at port {PlexBuilderExtensions.PlexPort}/web and claim the server, or set {(plex.TokenParameter?.ConfigurationKey ?? "a plex-token parameter with .WithToken(...)")}");
    }

    /// <summary>
    /// The <c>PlexOnlineToken</c> of a Preferences.xml, or null when the file, or the attribute, is missing or empty (or
    /// the file is half-written); throws <see cref="UnauthorizedAccessException"/> when this user may not read it.
    /// </summary>
    /// <example><code>PlexToken.ReadPreferences("/srv/servarr/config/plex/Library/Application Support/Plex Media Server/Preferences.xml")</code></example>
    public static string? ReadPreferences(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var value = XDocument.Load(file).Root?.Attribute("PlexOnlineToken")?.Value;
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        catch (Exception exception) when (exception is System.Xml.XmlException or IOException)
        {
            // Plex rewrites the file while it runs: a read that fails now waits for the next look. (A file this user may
            // not read is the caller's to report: UnauthorizedAccessException.)
            return null;
        }
    }

    /// <summary>The Plex server the configured app refers to (<c>WithReference(plex)</c>), or null.</summary>
    /// <example><code>PlexToken.ReferencedPlex(context) // the PlexResource of seerr.WithReference(plex)</code></example>
    public static PlexResource? ReferencedPlex(AppConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.References<PlexResource>().FirstOrDefault();
    }
}
