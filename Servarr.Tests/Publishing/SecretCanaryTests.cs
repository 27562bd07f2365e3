using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>Secret values set in configuration never reach a published file.</summary>
public class SecretCanaryTests
{
    [Fact]
    public async Task NoSecretValueAppearsInAnyPublishedFile()
    {
        var app = await AppHostRunner.BuildDefaultStackAsync();
        var secrets = app.Model.Parameters.Where(p => p.Secret).ToList();
        Assert.True(secrets.Count >= 10, "the default stack should have its secrets as secret parameters");
        var canaries = secrets.ToDictionary(p => $"Parameters:{p.Name}", p => (string?)$"canary-{p.Name}-5e1d");
        using var temp = new TempDirectory();

        var manifest = await AppHostRunner.RunAsync(["--publisher", "manifest", "--output-path", temp.Combine("manifest")], canaries);
        var compose = await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--output-path", temp.Combine("compose")], canaries);
        var kubernetes = await AppHostRunner.RunAsync(["publish", "--publisher", "kubernetes", "--output-path", temp.Combine("k8s")], canaries);
        var cloudflare = await AppHostRunner.RunAsync(["publish", "--publisher", "cloudflare", "--output-path", temp.Combine("cloudflare")], canaries);

        Assert.Equal(0, manifest.ExitCode);
        Assert.Equal(0, compose.ExitCode);
        Assert.True(kubernetes.ExitCode == 0, kubernetes.Error);
        var files = Directory.GetFiles(temp.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
        Assert.Equal(0, cloudflare.ExitCode);
        // manifest + compose (yaml, .env, prepare-host.sh, qBittorrent's seed script) + the Kubernetes tree (with the seed
        // script under files/) + cloudflare; every one of them is read below.
        Assert.Equal(5 + Directory.GetFiles(temp.Combine("k8s")).Length + 1 + 4, files.Length);
        Assert.Contains(files, f => f.EndsWith("secrets.env", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.DoesNotContain("canary-", await File.ReadAllTextAsync(file));
        }

        Assert.DoesNotContain("canary-", manifest.Output + manifest.Error + compose.Output + compose.Error + kubernetes.Output + kubernetes.Error + cloudflare.Output + cloudflare.Error);
    }
}
