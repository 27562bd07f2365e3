using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Public hostnames point at an HTTP endpoint the resource has, and no two resources claim the same one; each starts with a
/// letter (it names a terraform resource, which cannot start with a digit) and is not <c>ssh</c> (the SSH route the cloudflare
/// publisher adds); an admin UI (an endpoint bound to the host's loopback) is public only behind a sign-in
/// (<see cref="SignInRequiredAnnotation"/>) or for the paths a <see cref="PublicPathAnnotation"/> lets in; a sign-in guards
/// a public hostname.
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

                if (container.Annotations.OfType<LoopbackPortAnnotation>().FirstOrDefault(l => l.EndpointName == hostname.EndpointName) is { } admin
                    && !container.Annotations.OfType<SignInRequiredAnnotation>().Any() && !container.Annotations.OfType<PublicPathAnnotation>().Any())
                {
                    context.Report(container, $"public hostname '{hostname.Subdomain}' would put its admin UI on the internet with no sign-in in front; add .WithCloudflareAccess() (a Cloudflare Access application for the identities in admin_emails), or remove .WithPublicHostname(\"{hostname.Subdomain}\") and use 127.0.0.1:{admin.HostPort} on the server over ssh -L");
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

            if (container.Annotations.OfType<SignInRequiredAnnotation>().Any() && !container.Annotations.OfType<PublicHostnameAnnotation>().Any())
            {
                context.Report(container, "has .WithCloudflareAccess() but no public hostname for it to guard; add .WithPublicHostname(\"<subdomain>\") or remove .WithCloudflareAccess()");
            }
        }
    }
}
