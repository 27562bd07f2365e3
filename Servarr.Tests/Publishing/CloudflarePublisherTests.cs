using Servarr.Hosting;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Cloudflare;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary><c>publish --publisher cloudflare</c>: reviewed terraform (tunnel, ingress in model order, DNS, Access for SSH), formatted as terraform formats it.</summary>
public class CloudflarePublisherTests
{
    [Fact]
    public async Task DefaultStackTerraformMatchesTheReviewedGoldenFiles()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-cloudflare", temp.Path);
        Assert.True(result.ExitCode == 0, result.Log);

        var files = Directory.GetFiles(temp.Path).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            Golden.AssertMatches(await File.ReadAllTextAsync(file), $"Servarr.Tests/Publishing/Expected/cloudflare/{Path.GetFileName(file)}");
        }

        Assert.Equal(["main.tf", "terraform.tfvars.example", "variables.tf", "versions.tf"], files.Select(Path.GetFileName));
        var main = await File.ReadAllTextAsync(temp.Combine("main.tf"));
        var catchAll = main.IndexOf("{ service = \"http_status:404\" }", StringComparison.Ordinal);
        Assert.True(catchAll > main.IndexOf("hostname = \"status.${var.domain}\"", StringComparison.Ordinal), "the catch-all must come last");
        Assert.True(main.IndexOf("plex.${var.domain}", StringComparison.Ordinal) < main.IndexOf("seerr.${var.domain}", StringComparison.Ordinal));
        Assert.Equal(5, main.Split("resource \"cloudflare_dns_record\"").Length - 1);
        Assert.Contains("version = \"~> 5.0\"", await File.ReadAllTextAsync(temp.Combine("versions.tf")));

        // Service tokens have no identity: an `allow` policy never matches them, only a `non_identity` one does.
        var policies = main.Split("resource \"cloudflare_zero_trust_access_policy\"")[1..].Select(p => p[..p.IndexOf("\n}", StringComparison.Ordinal)]).ToList();
        Assert.Equal(2, policies.Count);
        Assert.Contains("decision   = \"allow\"", policies[0]);
        Assert.DoesNotContain("service_token", policies[0]);
        Assert.Contains("decision   = \"non_identity\"", policies[1]);
        Assert.Contains("service_token = { token_id = id }", policies[1]);
        Assert.Contains("cloudflare_zero_trust_access_policy.ssh_service_tokens", main[main.IndexOf("cloudflare_zero_trust_access_application", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task TerraformFmtLeavesTheOutputAsItIs()
    {
        using var temp = await PublishAsync();
        File.Copy(temp.Combine("terraform.tfvars.example"), temp.Combine("example.tfvars"));

        var fmt = DockerEngine.Run(TerraformPath(), ["fmt", "-check", "-diff", temp.Path], TimeSpan.FromSeconds(60));

        Assert.True(fmt.ExitCode == 0, fmt.ToString());
    }

    /// <summary>
    /// <c>terraform init -backend=false</c> reads and checks the whole configuration before it installs providers. Run
    /// offline against an empty filesystem mirror (no network is tried), the only acceptable failure is the provider
    /// download; any configuration error (an attribute where a block belongs, an unknown argument) fails the test.
    /// </summary>
    [Fact]
    public async Task TerraformInitFindsNoConfigurationError()
    {
        using var temp = await PublishAsync();

        var init = TerraformInitOffline(temp);

        Assert.Equal(1, init.ExitCode); // the provider cannot be installed offline
        var errors = TerraformErrors(init.StandardError);
        Assert.True(errors.SequenceEqual(["Failed to query available provider packages"]), $"terraform init reported more than the offline provider download:\n{init}");
        Assert.Contains("provider registry.terraform.io/cloudflare/cloudflare", init.StandardError.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task TerraformInitTellsAConfigurationErrorFromTheOfflineDownload()
    {
        using var temp = await PublishAsync();
        var versions = temp.Combine("versions.tf");
        await File.WriteAllTextAsync(versions, (await File.ReadAllTextAsync(versions)).Replace("required_providers {", "required_providers = {", StringComparison.Ordinal));

        var init = TerraformInitOffline(temp);

        Assert.Contains("Unsupported argument", TerraformErrors(init.StandardError));
    }

    [Fact]
    public async Task AnAdminUiBehindASignInGetsAnAccessApplicationForTheAdminsOnly()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        builder.AddSonarr("sonarr", host).WithPublicHostname("sonarr").WithCloudflareAccess();
        builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true)).WithPublicHostname("backups").WithCloudflareAccess();
        builder.AddContainer("blog", "docker.io/library/blog", "1.0").WithHttpEndpoint(targetPort: 80).WithPublicHostname("blog");
        var context = new PublishContext(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
        using var temp = new TempDirectory();
        foreach (var (name, content) in CloudflarePublisher.Render(context))
        {
            await File.WriteAllTextAsync(temp.Combine(name), content);
        }

        var main = await File.ReadAllTextAsync(temp.Combine("main.tf"));
        var applications = main.Split("resource \"cloudflare_zero_trust_access_application\" ")[1..].Select(a => a[..a.IndexOf("\n}", StringComparison.Ordinal)]).ToList();
        Assert.Equal(["\"ssh\"", "\"sonarr\"", "\"backups\""], applications.Select(a => a[..a.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.Contains("domain     = \"sonarr.${var.domain}\"", applications[1]);
        Assert.Contains("policies   = [{ id = cloudflare_zero_trust_access_policy.admins.id, precedence = 1 }]", applications[1]);
        Assert.Contains("domain     = \"backups.${var.domain}\"", applications[2]);
        Assert.DoesNotContain(applications, a => a.Contains("blog", StringComparison.Ordinal)); // not an admin UI: public as asked
        Assert.Contains("include    = [for email in var.admin_emails : { email = { email = email } }]", main);
        Assert.Contains("variable \"admin_emails\"", await File.ReadAllTextAsync(temp.Combine("variables.tf")));
        Assert.Contains("admin_emails          = [\"you@gmail.com\"]", await File.ReadAllTextAsync(temp.Combine("terraform.tfvars.example")));

        File.Copy(temp.Combine("terraform.tfvars.example"), temp.Combine("example.tfvars"));
        var fmt = DockerEngine.Run(TerraformPath(), ["fmt", "-check", "-diff", temp.Path], TimeSpan.FromSeconds(60));
        Assert.True(fmt.ExitCode == 0, fmt.ToString());
        var init = TerraformInitOffline(temp);
        Assert.True(TerraformErrors(init.StandardError).SequenceEqual(["Failed to query available provider packages"]), init.ToString());
    }

    [Fact]
    public async Task TheDefaultStackHasNoAdminSignInSoItAsksForNoAdminIdentities()
    {
        using var temp = await PublishAsync();

        Assert.DoesNotContain("admin_emails", await File.ReadAllTextAsync(temp.Combine("variables.tf")));
        Assert.DoesNotContain("admins", await File.ReadAllTextAsync(temp.Combine("main.tf")));
    }

    private static async Task<TempDirectory> PublishAsync()
    {
        var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-cloudflare", temp.Path);
        Assert.True(result.ExitCode == 0, result.Log);
        return temp;
    }

    private static DockerEngine.Output TerraformInitOffline(TempDirectory temp)
    {
        // Providers only from an empty local mirror: terraform never reaches for the registry, and says it found nothing.
        var mirror = Directory.CreateDirectory(Path.Combine(temp.Path, ".mirror")).FullName;
        var cliConfig = Path.Combine(temp.Path, ".terraformrc");
        File.WriteAllText(cliConfig, $"provider_installation {{\n  filesystem_mirror {{\n    path = \"{mirror}\"\n  }}\n}}\n");
        return DockerEngine.Run(TerraformPath(), ["init", "-backend=false", "-input=false", "-no-color"], TimeSpan.FromSeconds(120), temp.Path,
            new Dictionary<string, string> { ["TF_CLI_CONFIG_FILE"] = cliConfig, ["TF_IN_AUTOMATION"] = "1", ["CHECKPOINT_DISABLE"] = "1" });
    }

    /// <summary>The summary of every <c>Error: ...</c> terraform printed.</summary>
    private static List<string> TerraformErrors(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith("Error: ", StringComparison.Ordinal)).Select(l => l["Error: ".Length..].Trim())
            .Where(e => !e.StartsWith("Terraform encountered problems during initialisation", StringComparison.Ordinal))];

    private static string TerraformPath()
    {
        var terraform = DockerEngine.Run("sh", ["-c", "command -v terraform"], TimeSpan.FromSeconds(10)).StandardOutput.Trim();
        Assert.True(terraform.Length > 0, "terraform is not installed here; these checks need it (it is on this machine image at /usr/local/bin)");
        return terraform;
    }
}
