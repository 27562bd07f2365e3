// Docker.DotNet's models mark every property nullable; these assertions read what the mapper always sets.
#nullable disable warnings
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Cloudflared;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
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
        var model = (await AppHostRunner.BuildDefaultStackAsync()).Model;
        var cloudflared = Assert.IsType<CloudflaredResource>(model.Find("cloudflared"));

        Assert.Equal(CloudflaredTunnelMode.Remote, cloudflared.Mode);
        Assert.Empty(cloudflared.Annotations.OfType<GeneratedFileAnnotation>());
        Assert.Contains("TUNNEL_TOKEN", EnvironmentEvaluator.Evaluate(cloudflared, new(DistributedApplicationOperation.Publish)).Select(e => e.Key));
    }

    [Fact]
    public async Task LocalComposeMountsThePublishedConfigAndTheCredentialsFileAndHasNoToken()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--output-path", temp.Path], s_local);
        Assert.True(result.ExitCode == 0, result.Error);

        var compose = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        var service = compose[compose.IndexOf("  cloudflared:", StringComparison.Ordinal)..];
        var end = service.IndexOf("\n  gluetun:", StringComparison.Ordinal);
        service = end > 0 ? service[..end] : service;
        Assert.DoesNotContain("TUNNEL_TOKEN", compose);
        Assert.Contains("- --config", service);
        Assert.DoesNotContain("TUNNEL_ID", service);
        Assert.Contains("- ./cloudflared/config.yml:/etc/cloudflared/config.yml:ro", service);
        Assert.Contains("- ${CONFIG_ROOT}/cloudflared/credentials.json:/etc/cloudflared/credentials.json:ro", service);
        Assert.Equal(ExpectedConfig(result.Application!.Model), await File.ReadAllTextAsync(temp.Combine("cloudflared", "config.yml")));
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
        var app = await AppHostRunner.BuildDefaultStackAsync(new Dictionary<string, string?>(s_local) { ["Parameters:config-root"] = configRoot });
        var values = new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, store: null);
        var run = new RunContext("servarr", "s", values, app.Builder.AppHostDirectory, new Dictionary<(string, string), int>());

        var given = HostFolders.GiveSecretFiles(app.Model, run);

        Assert.Equal([credentials], given);
        Assert.Equal($"{CloudflaredBuilderExtensions.ImageUserId}", DockerEngine.Run("stat", ["-c", "%u", credentials], TimeSpan.FromSeconds(10)).StandardOutput.Trim());
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(credentials));
    }

    [Fact]
    public async Task TheHostIsReachableAsHostDockerInternalInComposeAndRunMode()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--output-path", temp.Path]);
        Assert.True(result.ExitCode == 0, result.Error);

        var compose = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        var service = compose[compose.IndexOf("  cloudflared:", StringComparison.Ordinal)..];
        Assert.Contains("    extra_hosts:\n    - host.docker.internal:host-gateway\n", service[..service.IndexOf("\n  uptime-kuma:", StringComparison.Ordinal)]);
        var cloudflared = result.Application!.Model.Containers.Single(c => c.Name == "cloudflared");
        Assert.Contains(cloudflared.Annotations.OfType<HostAliasAnnotation>(), h => h is { Hostname: "host.docker.internal", Address: "host-gateway" });
    }

    [KubernetesToolsFact]
    public async Task LocalKubernetesMountsAConfigMapAndASecretAndKeepsTheCredentialsYouPutThere()
    {
        KubernetesTools.Require();
        using var temp = new TempDirectory();
        string[] args = ["publish", "--publisher", "kubernetes", "--output-path", temp.Path];
        Assert.Equal(0, (await AppHostRunner.RunAsync(args, s_local)).ExitCode);
        var credentials = temp.Combine("secret-files", "cloudflared", "credentials.json");
        await File.WriteAllTextAsync(credentials, "{\"TunnelSecret\":\"canary-tunnel-secret\"}");
        var again = await AppHostRunner.RunAsync(args, s_local);
        Assert.True(again.ExitCode == 0, again.Error);

        Assert.Equal("{\"TunnelSecret\":\"canary-tunnel-secret\"}", await File.ReadAllTextAsync(credentials));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
        }

        Assert.Equal(ExpectedConfig(again.Application!.Model), await File.ReadAllTextAsync(temp.Combine("files", "cloudflared", "config.yml")));
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
    public async Task RunModeMountsTheWrittenConfigReadOnlyAndAChangedHostnameRecreatesTheContainer()
    {
        using var temp = new TempDirectory();
        var configuration = new Dictionary<string, string?>(s_local) { ["Parameters:config-root"] = temp.Path };
        var app = (await AppHostRunner.RunAsync(["run"], configuration, skipRun: true)).Application!;
        var run = new RunContext("servarr", "s1", new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, store: null),
            app.Builder.AppHostDirectory, new Dictionary<(string, string), int>());
        var cloudflared = app.Model.Containers.Single(c => c.Name == "cloudflared");

        var written = await GeneratedFiles.WriteAsync(app.Model, run, cloudflared, CancellationToken.None);
        var spec = ContainerSpecMapper.Map(cloudflared, app.Model, run).Parameters;

        Assert.Equal([Path.Combine(temp.Path, "cloudflared", "config.yml")], written);
        Assert.Equal(ExpectedConfig(app.Model), await File.ReadAllTextAsync(written[0]));
        var config = Assert.Single(spec.HostConfig.Mounts, m => m.Target == CloudflaredIngress.ConfigPath);
        Assert.True(config.ReadOnly);
        Assert.Equal(written[0], config.Source);
        Assert.True(Assert.Single(spec.HostConfig.Mounts, m => m.Target == CloudflaredIngress.CredentialsPath).ReadOnly);
        Assert.Equal(["tunnel", "--config", CloudflaredIngress.ConfigPath, "run"], spec.Cmd);

        var renamed = (await AppHostRunner.RunAsync(["run"], new Dictionary<string, string?>(configuration) { ["Parameters:domain"] = "other.example.org" }, skipRun: true)).Application!;
        var renamedRun = new RunContext("servarr", "s1", new ParameterValues(renamed.Builder.Configuration, renamed.Builder.ExecutionContext, store: null),
            renamed.Builder.AppHostDirectory, new Dictionary<(string, string), int>());
        var renamedSpec = ContainerSpecMapper.Map(renamed.Model.Containers.Single(c => c.Name == "cloudflared"), renamed.Model, renamedRun);
        Assert.NotEqual(spec.Labels[ServarrLabels.SpecHash], renamedSpec.Parameters.Labels[ServarrLabels.SpecHash]);
    }

    [Fact]
    public void RunModeRefusesAMissingCredentialsFileBeforeAnythingStarts()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, new Dictionary<string, string?> { ["Parameters:domain"] = "example.com" });
        var host = builder.AddHost();
        builder.AddCloudflared("cloudflared", builder.AddParameter("domain")).WithLocalTunnel(builder.AddParameter("tunnel-id", defaultValue: "id"), host);

        Assert.Contains("resource 'cloudflared': secret file /srv/servarr/config/cloudflared/credentials.json (mounted at /etc/cloudflared/credentials.json) does not exist; put the file there before running (Servarr never creates or prints secrets)",
            builder.Problems(publisher: null));
    }

    [Fact]
    public void ATunnelWithoutAModeAndALocalTunnelWithoutADomainAreRefused()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Publish);
        var host = builder.AddHost();
        builder.AddCloudflared("edge-a", builder.AddParameter("domain"));
        builder.AddCloudflared("edge-b", builder.AddParameter("domain-b")).WithLocalTunnel(builder.AddParameter("tunnel-id", defaultValue: "id"), host);

        var problems = builder.Problems(publisher: "compose");

        Assert.Contains("resource 'edge-a': has no tunnel; add .WithRemoteTunnel(tunnelToken) or .WithLocalTunnel(tunnelId, host)", problems);
        Assert.Contains("resource 'edge-b': the local tunnel's config.yml names every public hostname under parameter 'domain-b', which has no value; set Parameters:domain-b in Servarr.AppHost/appsettings.json", problems);
    }

    [Fact]
    public async Task AnUnknownModeIsOneLineNamingTheFix()
    {
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "manifest", "--output-path", "unused.json"],
            new Dictionary<string, string?> { ["Parameters:tunnel-mode"] = "tunnel" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("resource 'cloudflared': parameter 'tunnel-mode' is 'tunnel'; set Parameters:tunnel-mode to 'remote' (token, ingress kept in Cloudflare) or 'local' (config.yml from the model)", result.Error);
    }
}
