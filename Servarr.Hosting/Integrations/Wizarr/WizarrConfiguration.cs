using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// What the model means inside Wizarr: its admin account (so its setup page is never open to whoever comes first), and
/// the Plex server it references, at Plex's in-network address with Plex's token (waiting while Plex has none).
/// </summary>
internal static class WizarrConfiguration
{
    public static IEnumerable<ConfigurationItem> Items(AppConfigurationContext context)
    {
        var wizarr = (WizarrResource)context.Resource;
        var web = new WizarrWeb(context.Http);
        yield return new WizarrAdminItem(context, wizarr, web);
        if (PlexToken.ReferencedPlex(context) is { } plex)
        {
            var url = InNetworkAddress.Render(plex.GetEndpoint(PlexResource.PrimaryEndpointName).Property(EndpointProperty.Url), wizarr);
            yield return new WizarrPlexServerItem(context, wizarr, web, plex, url);
        }
    }

    internal static async Task<(string Username, string Password)> CredentialsAsync(AppConfigurationContext context, WizarrResource wizarr,
        CancellationToken cancellationToken)
    {
        var username = await context.Value(wizarr.AdminUsername, cancellationToken).ConfigureAwait(false);
        var password = await context.Value(wizarr.AdminPassword, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password)
            ? throw new ConfigurationException($"{wizarr.AdminUsername.Name} and {wizarr.AdminPassword.Name} need values to set up Wizarr's admin account")
            : (username.Trim(), password);
    }
}

/// <summary>
/// Wizarr's first admin account, made through its setup page (<c>/setup/</c>) while that page still asks for one; once an
/// admin exists the page redirects and this item only reads. (Whether that admin is ours shows in the Plex item's sign-in.)
/// </summary>
internal sealed class WizarrAdminItem(AppConfigurationContext context, WizarrResource wizarr, WizarrWeb web)
    : ConfigurationItem("admin account", wizarr.AdminUsername.Name)
{
    /// <summary>The setup page asks only for this account: once it exists, the wizard is gone.</summary>
    public override bool EndsSetupWizard => true;

    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        if (await web.SetupTokenAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var (username, password) = await WizarrConfiguration.CredentialsAsync(context, wizarr, cancellationToken).ConfigureAwait(false);
        return new ConfigurationChange($"no admin account yet (setup page {WizarrWeb.SetupPath} is open)", async ct =>
        {
            // The CSRF token belongs to the session of the page read just now; read it again in case the pass waited.
            var token = await web.SetupTokenAsync(ct).ConfigureAwait(false)
                ?? throw new ConfigurationException($"GET {WizarrWeb.SetupPath}: someone else created Wizarr's admin account meanwhile");
            await web.CreateAdminAsync(token, username, password, ct).ConfigureAwait(false);
        });
    }
}

/// <summary>
/// The referenced Plex server as one of Wizarr's media servers, found by its URL. Wizarr shows no server's token, so a
/// token changed in Plex cannot differ here. Wizarr also offers "Sign in with Plex" (an OAuth step in a browser) to fill
/// the token; Servarr does not need it, as the form takes the token directly.
/// </summary>
internal sealed class WizarrPlexServerItem(AppConfigurationContext context, WizarrResource wizarr, WizarrWeb web, PlexResource plex, string url)
    : ConfigurationItem("media server", plex.Name)
{
    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var token = await PlexToken.ReadAsync(context, plex, cancellationToken).ConfigureAwait(false);
        var (username, password) = await WizarrConfiguration.CredentialsAsync(context, wizarr, cancellationToken).ConfigureAwait(false);
        if (await web.SetupTokenAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            // No admin yet (a check pass, or the admin item failed): there is nothing to sign in to, so nothing is there.
            return new ConfigurationChange("missing (Wizarr has no admin account yet)", async ct =>
            {
                await web.LoginAsync(username, password, ct).ConfigureAwait(false);
                await web.AddServerAsync(plex.Name, "plex", url, token, ct).ConfigureAwait(false);
            });
        }

        await web.LoginAsync(username, password, cancellationToken).ConfigureAwait(false);
        var servers = await web.ServerUrlsAsync(cancellationToken).ConfigureAwait(false);
        if (servers.Any(s => string.Equals(s.TrimEnd('/'), url, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return new ConfigurationChange(servers.Count == 0 ? "missing" : $"missing (Wizarr has {string.Join(", ", servers)})",
            ct => web.AddServerAsync(plex.Name, "plex", url, token, ct));
    }
}
