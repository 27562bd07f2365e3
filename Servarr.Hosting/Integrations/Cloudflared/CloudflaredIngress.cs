using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.Cloudflared;

/// <summary>
/// The tunnel's ingress rules, derived from the model's public hostnames in declaration order, and a locally-managed
/// tunnel's <c>config.yml</c> with the catch-all <c>http_status:404</c> last (cloudflared requires a last rule that
/// matches everything).
/// </summary>
public static class CloudflaredIngress
{
    /// <summary>Where the tunnel's credentials file is mounted in the cloudflared container.</summary>
    public const string CredentialsPath = "/etc/cloudflared/credentials.json";

    /// <summary>Where a locally-managed tunnel's <c>config.yml</c> is mounted in the cloudflared container.</summary>
    public const string ConfigPath = "/etc/cloudflared/config.yml";

    /// <summary>The rules for <paramref name="model"/> under <paramref name="domain"/>: its public routes.</summary>
    public static IReadOnlyList<PublicRoute> Rules(DistributedApplicationModel model, string domain) => PublicRoutes.Of(model, domain);

    /// <summary>A locally-managed tunnel's <c>config.yml</c> for tunnel <paramref name="tunnelId"/> (not a secret: the credentials file is).</summary>
    public static string RenderConfig(IReadOnlyList<PublicRoute> rules, string tunnelId)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrWhiteSpace(tunnelId);
        var text = new StringBuilder()
            .Append("# Written by Servarr from the model's public hostnames (WithPublicHostname); change the model, not this file.\n")
            .Append("tunnel: ").Append(tunnelId).Append('\n')
            .Append("credentials-file: ").Append(CredentialsPath).Append('\n')
            .Append("ingress:\n");
        foreach (var rule in rules)
        {
            text.Append("  - hostname: ").Append(rule.Hostname).Append('\n');
            if (rule.Path is { } path)
            {
                // Single-quoted YAML: no escapes but '' (PublicPathAnnotation refuses quotes); cloudflared reads it as a regex.
                text.Append("    path: '").Append(path).Append("'\n");
            }

            text.Append("    service: ").Append(rule.Service).Append('\n');
        }

        return text.Append("  - service: http_status:404\n").ToString();
    }
}
