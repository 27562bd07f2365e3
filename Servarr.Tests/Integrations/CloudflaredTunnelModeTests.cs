using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Cloudflared;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>
/// Parameter tunnel-mode chooses the tunnel: remote runs with the token; local mounts a config.yml written from the
/// model (run mode, compose, Kubernetes) and the user's credentials file, never a secret in what is written.
/// </summary>
public class CloudflaredTunnelModeTests
{
    private static readonly Dictionary<string, string?> s_local = new()
    {
        ["Parameters:tunnel-mode"] = "local",
        ["Parameters:tunnel-id"] = "6ff42ae2-765d-4adf-8112-31c55c1551ef",
        ["Parameters:domain"] = "media.example.org",
    };

    private static string ExpectedConfig(DistributedApplicationModel model) =>
        CloudflaredIngress.RenderConfig(CloudflaredIngress.Rules(model, "media.example.org"), "6ff42ae2-765d-4adf-8112-31c55c1551ef");

    [Fact]
    public async Task RemoteIsTheDefaultAndRunsWithTheTokenOnly()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var cloudflared = Assert.IsType<CloudflaredResource>(model.Find("cloudflared"));

        Assert.Equal(CloudflaredTunnelMode.Remote, cloudflared.Mode);
        Assert.Empty(cloudflared.Annotations.OfType<GeneratedFileAnnotation>());
        Assert.Contains("TUNNEL_TOKEN", EnvironmentEvaluator.Evaluate(cloudflared, ServarrExecution.Publish).Select(e => e.Key));
    }

    [Fact]
    public async Task LocalComposeMountsThePublishedConfigAndTheCredentialsFileAndHasNoToken()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-compose", temp.Path, s_local);
        Assert.True(result.ExitCode == 0, result.Log);

        var compose = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        var service = compose[compose.IndexOf("  cloudflared:", StringComparison.Ordinal)..];
        var end = service.IndexOf("\n  gluetun:", StringComparison.Ordinal);
        service = end > 0 ? service[..end] : service;
        Assert.DoesNotContain("TUNNEL_TOKEN", compose);
        Assert.Contains("- --config", service);
        Assert.DoesNotContain("TUNNEL_ID", service);
        Assert.Contains("- ./cloudflared/config.yml:/etc/cloudflared/config.yml:ro", service);
        Assert.Contains("- ${CONFIG_ROOT}/cloudflared/credentials.json:/etc/cloudflared/credentials.json:ro", service);
        Assert.Equal(ExpectedConfig(await AppHostRunner.BuildDefaultStackAsync(s_local)), await File.ReadAllTextAsync(temp.Combine("cloudflared", "config.yml")));
        Assert.Contains("media.example.org", await File.ReadAllTextAsync(temp.Combine("cloudflared", "config.yml")));
        var prepare = await File.ReadAllTextAsync(temp.Combine("prepare-host.sh"));
        Assert.Contains("[ -f \"${CONFIG_ROOT}/cloudflared/credentials.json\" ]", prepare);
        // `cloudflared tunnel create` writes it 0400 and cloudflared runs as 65532: give it the file, keep the mode.
        Assert.Contains("chown 65532 \"${CONFIG_ROOT}/cloudflared/credentials.json\"", prepare);
        Assert.DoesNotContain("chmod", prepare);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task RunModeGivesTheCredentialsFileToCloudflaredsUserAndKeepsItsMode()
    {
        using var temp = new TempDirectory();
        var configRoot = Directory.CreateDirectory(temp.Combine("config")).FullName;
        var credentials = Path.Combine(Directory.CreateDirectory(Path.Combine(configRoot, "cloudflared")).FullName, "credentials.json");
        await File.WriteAllTextAsync(credentials, "{}");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead);
        var stack = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run,
            new Dictionary<string, string?>(s_local) { ["Parameters:config-root"] = configRoot });
        var run = new RunContext(stack.Values, stack.Builder.AppHostDirectory);

        var given = HostFolders.GiveSecretFiles(stack.Model, run);

        Assert.Equal([credentials], given);
        Assert.Equal($"{CloudflaredBuilderExtensions.ImageUserId}", DockerEngine.Run("stat", ["-c", "%u", credentials], TimeSpan.FromSeconds(10)).StandardOutput.Trim());
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(credentials));
    }

    [Fact]
    public async Task TheHostIsReachableAsHostDockerInternalInComposeAndRunMode()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-compose", temp.Path);
        Assert.True(result.ExitCode == 0, result.Log);

        var compose = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        var service = compose[compose.IndexOf("  cloudflared:", StringComparison.Ordinal)..];
        Assert.Contains("    extra_hosts:\n    - host.docker.internal:host-gateway\n", service[..service.IndexOf("\n  uptime-kuma:", StringComparison.Ordinal)]);
        var stack = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run);
        var cloudflared = stack.Container("cloudflared");
        Assert.Contains(cloudflared.Annotations.OfType<HostAliasAnnotation>(), h => h is { Hostname: "host.docker.internal", Address: "host-gateway" });
        var args = DockerRunArguments.For(cloudflared, new RunContext(stack.Values, stack.Builder.AppHostDirectory));
        Assert.Contains("--add-host host.docker.internal:host-gateway", string.Join(' ', args));
    }

    [KubernetesToolsFact]
    public async Task LocalKubernetesMountsAConfigMapAndASecretAndKeepsTheCredentialsYouPutThere()
    {
        KubernetesTools.Require();
        using var temp = new TempDirectory();
        Assert.Equal(0, (await AppHostRunner.PublishAsync("publish-kubernetes", temp.Path, s_local)).ExitCode);
        var credentials = temp.Combine("secret-files", "cloudflared", "credentials.json");
        await File.WriteAllTextAsync(credentials, "{\"TunnelSecret\":\"canary-tunnel-secret\"}");
        var again = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Path, s_local);
        Assert.True(again.ExitCode == 0, again.Log);

        Assert.Equal("{\"TunnelSecret\":\"canary-tunnel-secret\"}", await File.ReadAllTextAsync(credentials));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
        }

        Assert.Equal(ExpectedConfig(await AppHostRunner.BuildDefaultStackAsync(s_local)), await File.ReadAllTextAsync(temp.Combine("files", "cloudflared", "config.yml")));
        KubernetesTools.AssertValid(temp.Path);
        var built = KubernetesTools.Kustomize(temp.Path);
        Assert.True(built.ExitCode == 0, built.StandardError);
        Assert.Matches(@"configMap:\s+name: cloudflared-files-\w+", built.StandardOutput);
        Assert.Matches(@"secretName: cloudflared-secret-files-\w+", built.StandardOutput);
        // The credentials are mounted 0400 and root's; fsGroup lets cloudflared's user (65532) read them.
        Assert.Matches(@"securityContext:\s+fsGroup: 65532", await File.ReadAllTextAsync(temp.Combine("cloudflared.yaml")));
        Assert.Contains("subPath: config.yml", built.StandardOutput);
        Assert.DoesNotContain("canary-tunnel-secret", string.Concat(Directory.GetFiles(temp.Path, "*.yaml").Select(File.ReadAllText)));
    }

    [Fact]
    public async Task RunModeMountsTheWrittenConfigReadOnlyAndAChangedHostnameReachesTheNextRun()
    {
        using var temp = new TempDirectory();
        var configuration = new Dictionary<string, string?>(s_local)
        {
            ["Parameters:config-root"] = temp.Combine("config"),
            ["Parameters:media-root"] = temp.Combine("media"),
        };
        // Run mode refuses a missing media folder and a local tunnel without its credentials file before anything starts.
        foreach (var folder in new[] { "media/tv", "media/movies", "torrents" })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, "media", folder));
        }

        Directory.CreateDirectory(temp.Combine("config", "cloudflared"));
        await File.WriteAllTextAsync(temp.Combine("config", "cloudflared", "credentials.json"), "{}");
        var stack = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run, configuration);
        var run = new RunContext(stack.Values, stack.Builder.AppHostDirectory);
        var cloudflared = stack.Container("cloudflared");

        await RunPreparation.PrepareAsync(stack.Model, run, CancellationToken.None);

        var written = Path.Combine(temp.Path, "config", "cloudflared", "config.yml");
        Assert.Equal(ExpectedConfig(stack.Model), await File.ReadAllTextAsync(written));
        var mounts = cloudflared.Annotations.OfType<ContainerMountAnnotation>().ToList();
        var config = Assert.Single(mounts, m => m.Target == CloudflaredIngress.ConfigPath);
        Assert.True(config.IsReadOnly);
        Assert.Equal(written, config.Source);
        Assert.True(Assert.Single(mounts, m => m.Target == CloudflaredIngress.CredentialsPath).IsReadOnly);
        Assert.Equal(["tunnel", "--config", CloudflaredIngress.ConfigPath, "run"], cloudflared.GetArgs(ServarrExecution.Run).Select(a => a.Render(_ => "?")));

        // Session containers are created anew on every run, and the config is rewritten before they start.
        Assert.Equal(ContainerLifetime.Session, cloudflared.GetLifetime());
        var renamed = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run,
            new Dictionary<string, string?>(configuration) { ["Parameters:domain"] = "other.example.org" });
        await RunPreparation.PrepareAsync(renamed.Model, new RunContext(renamed.Values, renamed.Builder.AppHostDirectory), CancellationToken.None);
        var rewritten = await File.ReadAllTextAsync(written);
        Assert.Contains("hostname: plex.other.example.org", rewritten);
        Assert.DoesNotContain("media.example.org", rewritten);
    }

    [Fact]
    public void RunModeRefusesAMissingCredentialsFileBeforeAnythingStarts()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, new Dictionary<string, string?> { ["Parameters:domain"] = "example.com" });
        var host = builder.AddHost();
        builder.AddCloudflared("cloudflared", builder.AddParameter("domain")).WithLocalTunnel(builder.AddParameter("tunnel-id", "id", publishValueAsDefault: true), host);

        Assert.Contains("resource 'cloudflared': secret file /srv/servarr/config/cloudflared/credentials.json (mounted at /etc/cloudflared/credentials.json) does not exist; put the file there before running (Servarr never creates or prints secrets)",
            builder.Problems(publisher: null));
    }

    [Fact]
    public void ATunnelWithoutAModeAndALocalTunnelWithoutADomainAreRefused()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Publish);
        var host = builder.AddHost();
        builder.AddCloudflared("edge-a", builder.AddParameter("domain"));
        builder.AddCloudflared("edge-b", builder.AddParameter("domain-b")).WithLocalTunnel(builder.AddParameter("tunnel-id", "id", publishValueAsDefault: true), host);

        var problems = builder.Problems(publisher: "compose");

        Assert.Contains("resource 'edge-a': has no tunnel; add .WithRemoteTunnel(tunnelToken) or .WithLocalTunnel(tunnelId, host)", problems);
        Assert.Contains("resource 'edge-b': the local tunnel's config.yml names every public hostname under parameter 'domain-b', which has no value; set Parameters:domain-b in Servarr.AppHost/appsettings.json", problems);
    }

    [Fact]
    public async Task AnUnknownModeIsOneLineNamingTheFix()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-compose", temp.Path,
            new Dictionary<string, string?> { ["Parameters:tunnel-mode"] = "tunnel" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("resource 'cloudflared': parameter 'tunnel-mode' is 'tunnel'; set Parameters:tunnel-mode to 'remote' (token, ingress kept in Cloudflare) or 'local' (config.yml from the model)", result.Log);
        Assert.False(File.Exists(temp.Combine("docker-compose.yaml")));
    }
}
