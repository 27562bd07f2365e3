using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Public hostnames point at an HTTP endpoint the resource has, and no two resources claim the same one; each starts with a
/// letter (it names a terraform resource, which cannot start with a digit) and is not <c>ssh</c> (the SSH route the cloudflare
/// publisher adds); a tunnel has a mode, and a local one can write its config.yml (the domain has a value).
/// </summary>
internal static class EdgeRules
{
    /// <summary>The subdomain of the SSH route the cloudflare publisher adds.</summary>
    public const string SshSubdomain = "ssh";

    public static void Check(ValidationContext context)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in context.Model.Containers)
        {
            foreach (var hostname in container.Annotations.OfType<PublicHostnameAnnotation>())
            {
                var endpoint = container.FindEndpoint(hostname.EndpointName);
                if (endpoint is null || endpoint.UriScheme is not ("http" or "https"))
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' uses endpoint '{hostname.EndpointName}', which is not an HTTP endpoint it has; pass endpointName: one of its HTTP endpoints");
                }

                if (hostname.Subdomain == SshSubdomain)
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' would shadow the SSH route the cloudflare publisher adds ({SshSubdomain}.<domain>); choose another subdomain");
                }
                else if (!char.IsAsciiLetterLower(hostname.Subdomain[0]))
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' starts with a digit, so it cannot name its terraform DNS record; start it with a letter (e.g. 'app{hostname.Subdomain}')");
                }

                if (claimed.TryGetValue(hostname.Subdomain, out var other))
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' is also claimed by '{other}'; choose another subdomain");
                }
                else
                {
                    claimed[hostname.Subdomain] = container.Name;
                }
            }
        }
    }
}
