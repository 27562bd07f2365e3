using System.Text;


using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Cloudflare;

/// <summary>
/// <c>publish --publisher cloudflare --output-path deploy/cloudflare</c>: terraform for the Cloudflare provider v5
/// (<c>~&gt; 5.0</c>) — the tunnel (remotely managed), its ingress rules (the model's public hostnames, then
/// <c>ssh.&lt;domain&gt;</c> to the host's sshd, then the 404 catch-all), one proxied CNAME per hostname to
/// <c>&lt;tunnel id&gt;.cfargotunnel.com</c>, and an Access application for SSH whose allow policy includes only the
/// listed e-mail identities (an <c>allow</c> policy) and service tokens (a <c>non_identity</c> policy); a hostname
/// behind a sign-in (<c>.WithCloudflareAccess()</c>) gets an Access application whose allow policy includes only the
/// identities in <c>admin_emails</c>. <c>variables.tf</c> and <c>terraform.tfvars.example</c> hold no secret value.
/// </summary>
public sealed class CloudflarePublisher : IPublisher
{
    /// <summary>The terraform resource name of the tunnel.</summary>
    public const string Tunnel = "cloudflare_zero_trust_tunnel_cloudflared.servarr";

    /// <inheritdoc />
    public string Name => "cloudflare";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var written = new List<string>();
        foreach (var (name, content) in Render(context))
        {
            var path = Path.Combine(context.OutputPath, name);
            await context.Output.WriteAsync(path, Encoding.UTF8.GetBytes(content), ownerOnly: false, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    /// <summary>The files, by name (pure).</summary>
    public static IReadOnlyList<(string Name, string Content)> Render(PublishContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Hostnames are written against var.domain, so the files do not depend on this machine's configuration.
        var rules = PublicRoutes.Of(context.Model, "${var.domain}");
        var signIn = rules.Any(r => r.SignInRequired);
        return
        [
            ("versions.tf", Versions()),
            ("variables.tf", Variables(signIn)),
            ("main.tf", Main(rules)),
            ("terraform.tfvars.example", Example(signIn)),
        ];
    }

    private static string Versions() => new TerraformText()
        .Comment("Written by Servarr from Servarr.AppHost/Program.cs; change the model, not this file.")
        .Nested("terraform", "required_providers", ("cloudflare", "{\n  source  = \"cloudflare/cloudflare\"\n  version = \"~> 5.0\"\n}"))
        .ToString().TrimEnd('\n') + "\n";

    private static string Variables(bool signIn)
    {
        var text = new TerraformText();
        void Variable(string name, string type, string description, bool sensitive = false, string? @default = null)
        {
            var attributes = new List<(string, string)> { ("description", Quote(description)), ("type", type) };
            if (sensitive)
            {
                attributes.Add(("sensitive", "true"));
            }

            if (@default is not null)
            {
                attributes.Add(("default", @default));
            }

            text.Block($"variable \"{name}\"", [.. attributes]);
        }

        Variable("cloudflare_api_token", "string", "API token with Cloudflare Tunnel, DNS and Access: Apps and Policies edit rights", sensitive: true);
        Variable("account_id", "string", "Cloudflare account id");
        Variable("zone_id", "string", "Zone id of the domain");
        Variable("domain", "string", "The domain; public hostnames are <app>.<domain>");
        Variable("tunnel_secret", "string", "Tunnel secret: at least 32 random bytes, base64 (openssl rand -base64 32)", sensitive: true);
        Variable("ssh_origin", "string", "Where ssh.<domain> goes, as seen from cloudflared", @default: Quote("ssh://host.docker.internal:22"));
        Variable("ssh_allowed_emails", "list(string)", "Identities allowed through Access to SSH (e.g. the owner's Google account)");
        Variable("ssh_service_token_ids", "list(string)", "Access service token ids allowed to SSH (e.g. GitHub Actions)", @default: "[]");
        if (signIn)
        {
            Variable("admin_emails", "list(string)", "Identities allowed through Access to the admin UIs with a public hostname");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string Main(IReadOnlyList<PublicRoute> rules)
    {
        var ingress = new StringBuilder("[\n");
        foreach (var rule in rules)
        {
            ingress.Append("    { hostname = ").Append(Quote(rule.Hostname));
            if (rule.Path is { } path)
            {
                ingress.Append(", path = ").Append(Quote(path)); // a regular expression to cloudflared
            }

            ingress.Append(", service = ").Append(Quote(rule.Service)).Append(" },\n");
        }

        ingress.Append("    { hostname = \"ssh.${var.domain}\", service = var.ssh_origin },\n")
            .Append("    { service = \"http_status:404\" },\n  ]");
        var text = new TerraformText()
            .Comment("Written by Servarr from Servarr.AppHost/Program.cs; change the model, not this file.")
            .Block("provider \"cloudflare\"", ("api_token", "var.cloudflare_api_token"))
            .Block("resource \"cloudflare_zero_trust_tunnel_cloudflared\" \"servarr\"",
                ("account_id", "var.account_id"), ("name", "\"servarr\""), ("tunnel_secret", "var.tunnel_secret"), ("config_src", "\"cloudflare\""))
            .Block("resource \"cloudflare_zero_trust_tunnel_cloudflared_config\" \"servarr\"",
                ("account_id", "var.account_id"), ("tunnel_id", $"{Tunnel}.id"), ("config", "{\n  ingress = " + ingress + "\n}"));
        foreach (var hostname in rules.Select(r => r.Hostname.Split('.')[0]).Append("ssh"))
        {
            text.Block($"resource \"cloudflare_dns_record\" \"{hostname.Replace('-', '_')}\"",
                ("zone_id", "var.zone_id"), ("name", Quote($"{hostname}.${{var.domain}}")), ("type", "\"CNAME\""),
                ("content", $"\"${{{Tunnel}.id}}.cfargotunnel.com\""), ("proxied", "true"), ("ttl", "1"));
        }

        // Access policies (provider v5, cloudflare_zero_trust_access_policy): `allow` matches identities (people who log in);
        // a service token carries no identity and passes only a `non_identity` policy, so the tokens get one of their own.
        text.Block("resource \"cloudflare_zero_trust_access_policy\" \"ssh\"",
                ("account_id", "var.account_id"), ("name", "\"SSH: listed identities only\""), ("decision", "\"allow\""),
                ("include", "[for email in var.ssh_allowed_emails : { email = { email = email } }]"))
            .Block("resource \"cloudflare_zero_trust_access_policy\" \"ssh_service_tokens\"",
                ("count", "length(var.ssh_service_token_ids) > 0 ? 1 : 0"),
                ("account_id", "var.account_id"), ("name", "\"SSH: listed service tokens only\""), ("decision", "\"non_identity\""),
                ("include", "[for id in var.ssh_service_token_ids : { service_token = { token_id = id } }]"))
            .Block("resource \"cloudflare_zero_trust_access_application\" \"ssh\"",
                ("account_id", "var.account_id"), ("name", "\"SSH\""), ("domain", "\"ssh.${var.domain}\""), ("type", "\"self_hosted\""),
                ("policies", "concat(\n  [{ id = cloudflare_zero_trust_access_policy.ssh.id, precedence = 1 }],\n"
                    + "  [for policy in cloudflare_zero_trust_access_policy.ssh_service_tokens : { id = policy.id, precedence = 2 }],\n)"));
        SignIn(text, rules.Where(r => r.SignInRequired).ToList());
        return text.ToString().TrimEnd('\n') + "\n";
    }

    // One reusable allow policy for the admins, and an Access application per hostname behind a sign-in: Cloudflare asks
    // for a login at the edge before the tunnel forwards anything to the app.
    private static void SignIn(TerraformText text, IReadOnlyList<PublicRoute> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        text.Block("resource \"cloudflare_zero_trust_access_policy\" \"admins\"",
            ("account_id", "var.account_id"), ("name", "\"Admin UIs: listed identities only\""), ("decision", "\"allow\""),
            ("include", "[for email in var.admin_emails : { email = { email = email } }]"));
        foreach (var rule in rules)
        {
            var subdomain = rule.Hostname.Split('.')[0];
            text.Block($"resource \"cloudflare_zero_trust_access_application\" \"{subdomain.Replace('-', '_')}\"",
                ("account_id", "var.account_id"), ("name", Quote($"{rule.Resource} (admin UI)")), ("domain", Quote(rule.Hostname)),
                ("type", "\"self_hosted\""), ("policies", "[{ id = cloudflare_zero_trust_access_policy.admins.id, precedence = 1 }]"));
        }
    }

    private static string Example(bool signIn) =>
        "# Copy to terraform.tfvars and fill in; keep the secrets out of git (or pass them as TF_VAR_cloudflare_api_token, TF_VAR_tunnel_secret).\n"
        + "account_id            = \"\"\n"
        + "zone_id               = \"\"\n"
        + "domain                = \"example.com\"\n"
        + "ssh_allowed_emails    = [\"you@gmail.com\"]\n"
        + "ssh_service_token_ids = []\n"
        + (signIn ? "admin_emails          = [\"you@gmail.com\"]\n" : "");

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
