using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>Secret values set in configuration never reach a published file.</summary>
public class SecretCanaryTests
{
    [Fact]
    public async Task NoSecretValueAppearsInAnyPublishedFile()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var secrets = model.Parameters.Where(p => p.Secret).ToList();
        Assert.True(secrets.Count >= 10, "the default stack should have its secrets as secret parameters");
        var canaries = secrets.ToDictionary(p => $"Parameters:{p.Name}", p => (string?)$"canary-{p.Name}-5e1d");
        using var temp = new TempDirectory();

        var manifest = await AppHostRunner.PublishAsync("publish-manifest", temp.Combine("manifest"), canaries);
        var compose = await AppHostRunner.PublishAsync("publish-compose", temp.Combine("compose"), canaries);
        var kubernetes = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Combine("k8s"), canaries);
        var cloudflare = await AppHostRunner.PublishAsync("publish-cloudflare", temp.Combine("cloudflare"), canaries);

        Assert.True(manifest.ExitCode == 0, manifest.Log);
        Assert.True(compose.ExitCode == 0, compose.Log);
        Assert.True(kubernetes.ExitCode == 0, kubernetes.Log);
        Assert.True(cloudflare.ExitCode == 0, cloudflare.Log);
        var files = Directory.GetFiles(temp.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
        // manifest + compose (yaml, .env, prepare-host.sh, qBittorrent's seed script) + the Kubernetes tree (with the seed
        // script under files/) + cloudflare; every one of them is read below.
        Assert.Equal(5 + Directory.GetFiles(temp.Combine("k8s")).Length + 1 + 4, files.Length);
        Assert.Contains(files, f => f.EndsWith("secrets.env", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("aspire-manifest.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.DoesNotContain("canary-", await File.ReadAllTextAsync(file));
        }

        Assert.DoesNotContain("canary-", manifest.Log + compose.Log + kubernetes.Log + cloudflare.Log);
    }
}
