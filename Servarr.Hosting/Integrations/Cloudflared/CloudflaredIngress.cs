using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.Cloudflared;

/// <summary>One tunnel ingress rule: a public hostname and the origin it goes to inside the app network.</summary>
/// <param name="Hostname">e.g. <c>plex.example.com</c>.</param>
/// <param name="Service">e.g. <c>http://plex:32400</c>, or <c>http://gluetun:8989</c> for an app behind the VPN.</param>
/// <param name="Resource">The resource published.</param>
public sealed record CloudflaredIngressRule(string Hostname, string Service, string Resource);

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

    /// <summary>The rules for <paramref name="model"/> under <paramref name="domain"/>.</summary>
    public static IReadOnlyList<CloudflaredIngressRule> Rules(DistributedApplicationModel model, string domain)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return model.Containers.SelectMany(c => c.Annotations.OfType<PublicHostnameAnnotation>().Select(h => (Container: c, Hostname: h)))
            .Select(x => new CloudflaredIngressRule($"{x.Hostname.Subdomain}.{domain.Trim('.')}",
                InNetworkAddress.Render(new EndpointReference(x.Container, x.Hostname.EndpointName).Property(EndpointProperty.Url)), x.Container.Name))
            .ToList();
    }

    /// <summary>A locally-managed tunnel's <c>config.yml</c> for tunnel <paramref name="tunnelId"/> (not a secret: the credentials file is).</summary>
    public static string RenderConfig(IReadOnlyList<CloudflaredIngressRule> rules, string tunnelId)
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
            text.Append("  - hostname: ").Append(rule.Hostname).Append('\n')
                .Append("    service: ").Append(rule.Service).Append('\n');
        }

        return text.Append("  - service: http_status:404\n").ToString();
    }
}
