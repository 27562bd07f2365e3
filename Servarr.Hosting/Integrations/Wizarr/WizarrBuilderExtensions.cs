using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Adds Wizarr.</summary>
public static class WizarrBuilderExtensions
{
    /// <summary>The port Wizarr listens on.</summary>
    public const int WizarrPort = 5690;

    /// <summary>The admin account's user name unless <c>&lt;name&gt;-username</c> is set.</summary>
    public const string DefaultAdminUsername = "admin";

    /// <summary>
    /// Adds Wizarr with its database under the config root; the image's own health check (<c>/health</c>) is kept. Servarr
    /// sets it up: the admin account <c>&lt;name&gt;-username</c> (default <c>admin</c>) with the generated
    /// <c>&lt;name&gt;-password</c>, made in its setup page (so the app counts as healthy, and is routed by the tunnel, only
    /// once that succeeded), and a referenced Plex server as its media server.
    /// </summary>
    /// <example><code>builder.AddWizarr("wizarr", host).WithReference(plex);</code></example>
    public static IResourceBuilder<WizarrResource> AddWizarr(this IDistributedApplicationBuilder builder, string name, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(host);
        var username = builder.AddParameter($"{name}-username", DefaultAdminUsername, publishValueAsDefault: true)
            .WithDescription($"User name of {name}'s admin account, which Servarr creates in its setup page (3 to 15 letters, digits, _ ' . -)");
        // Wizarr's setup form wants 8+ characters with an upper-case letter, a lower-case letter and a digit
        // (wizarrrr/wizarr: app/forms/setup.py, AdminAccountForm.password): the hex of AddGeneratedSecret has no upper case.
        var generated = new GenerateParameterDefault { MinLength = 32, Lower = true, Upper = true, Numeric = true, Special = false, MinLower = 1, MinUpper = 1, MinNumeric = 1 };
        var password = builder.AddParameter($"{name}-password", generated, secret: true, persist: true)
            .WithAnnotation(new GeneratedSecretAnnotation(generated))
            .WithDescription($"Password of {name}'s admin account (generated once, kept in user-secrets; Wizarr wants 8+ characters with upper- and lower-case letters and a digit)");
        return builder.AddResource(new WizarrResource(name, username.Resource, password.Resource))
            .WithImage($"{WizarrContainerImageTags.Registry}/{WizarrContainerImageTags.Image}", WizarrContainerImageTags.Tag)
            // docker-entrypoint.sh (root) chowns /data/database and /.cache, then su-exec to PUID (wizarrrr/wizarr @ v2026.7.1; docs/upstream/capabilities.md §5)
            .WithOnlyCapabilities("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID")
            .WithHttpEndpoint(targetPort: WizarrPort)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.None) // reads no variable about other apps
            .WithExternalHttpEndpoints()
            .WithEnvironment("PUID", host.UserId)
            .WithEnvironment("PGID", host.GroupId)
            .WithEnvironment("TZ", host.TimeZone)
            .WithConfigMount(host, "/data")
            .WithHealthPath("/health")
            .WithImageHealthCheck()
            // Until an admin exists every page redirects to the setup page, whose first visitor becomes the admin
            // (wizarrrr/wizarr: app/middleware.py require_onboarding, app/blueprints/setup/routes.py onboarding).
            .WithAnnotation(new SetupWizardAnnotation(WizarrWeb.SetupPath))
            .WithAnnotation(new AppConfigurationAnnotation(WizarrConfiguration.Items));
    }
}
