using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary><c>publish --publisher cloudflare</c>: reviewed terraform (tunnel, ingress in model order, DNS, Access for SSH), formatted as terraform formats it.</summary>
public class CloudflarePublisherTests
{
    [Fact]
    public async Task DefaultStackTerraformMatchesTheReviewedGoldenFiles()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "cloudflare", "--output-path", temp.Path]);
        Assert.True(result.ExitCode == 0, result.Error);

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
    }

    [Fact]
    public async Task TerraformFmtLeavesTheOutputAsItIs()
    {
        var terraform = DockerEngine.Run("sh", ["-c", "command -v terraform"], TimeSpan.FromSeconds(10)).StandardOutput.Trim();
        if (terraform.Length == 0)
        {
            Assert.Fail("terraform is not installed here; the issue asks for `terraform fmt -check` where it is (it is on this machine image at /usr/local/bin)");
        }

        using var temp = new TempDirectory();
        await AppHostRunner.RunAsync(["publish", "--publisher", "cloudflare", "--output-path", temp.Path]);
        File.Copy(temp.Combine("terraform.tfvars.example"), temp.Combine("example.tfvars"));

        var fmt = DockerEngine.Run(terraform, ["fmt", "-check", "-diff", temp.Path], TimeSpan.FromSeconds(60));

        Assert.True(fmt.ExitCode == 0, fmt.ToString());
    }
}
