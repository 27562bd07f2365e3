using Servarr.Hosting;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// What a cluster needs of the published tree (issue 13): names the API server accepts, in every storage mode; each
/// claim declared once, so kustomize builds the pvc tree; gluetun's firewall open to the cluster's ranges; apps in one
/// pod at <c>localhost</c>; the Docker socket mounted as a socket, and the pods that need a Docker node saying so.
/// </summary>
public class KubernetesClusterTests
{
    private static readonly string[] s_storageModes = ["hostPath", "pvc"];

    private static async Task<TempDirectory> PublishAsync(Dictionary<string, string?>? configuration = null)
    {
        var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Path, configuration);
        Assert.True(result.ExitCode == 0, result.Log);
        return temp;
    }

    private static Dictionary<string, string?> Storage(string mode) => new() { ["Kubernetes:Storage"] = mode };

    [Theory]
    [InlineData("hostPath")]
    [InlineData("pvc")]
    public async Task EveryObjectPassesTheApiServersNamingRules(string storage)
    {
        using var temp = await PublishAsync(Storage(storage));

        var errors = KubernetesNames.CheckTree(temp.Path);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [KubernetesToolsFact]
    public async Task EveryStorageModeValidatesAndBuildsWithKustomizeAndKeepsValidNames()
    {
        KubernetesTools.Require();
        var failures = new List<string>();
        foreach (var storage in s_storageModes)
        {
            using var temp = await PublishAsync(Storage(storage));

            KubernetesTools.AssertValid(temp.Path);
            var built = KubernetesTools.Kustomize(temp.Path);

            // Every mode is built before anything fails, so a tree kustomize refuses is reported whatever the other's names.
            failures.AddRange(built.ExitCode != 0
                ? [$"kubectl kustomize (Kubernetes:Storage={storage}) exited {built.ExitCode}: {built.StandardError.Trim()}"]
                : KubernetesNames.Check(built.StandardOutput, $"kustomize ({storage})"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EachClaimIsDeclaredOnceInClaimsYaml()
    {
        using var temp = await PublishAsync(Storage("pvc"));
        var files = Directory.GetFiles(temp.Path, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        var declared = files.SelectMany(f => f.Value.Split("---\n").Where(d => d.Contains("kind: PersistentVolumeClaim\n", StringComparison.Ordinal))
            .Select(d => (File: f.Key, Name: System.Text.RegularExpressions.Regex.Match(d, @"\n  name: (\S+)\n").Groups[1].Value))).ToList();

        Assert.All(declared, d => Assert.Equal("claims.yaml", d.File));
        Assert.Equal(declared.Count, declared.Select(d => d.Name).Distinct().Count());
        Assert.Contains(declared, d => d.Name == "media");
        Assert.Contains(declared, d => d.Name == "sonarr-config");
        Assert.Contains("claimName: media", files["gluetun.yaml"]);
        Assert.Contains("claimName: media", files["plex.yaml"]);
        Assert.Contains("claimName: sonarr-config", files["kopia.yaml"]);
        Assert.Contains("- claims.yaml\n", files["kustomization.yaml"]);
    }

    [Fact]
    public async Task TheVpnPodsPortNamesAreUniqueAndTheSameInPodAndService()
    {
        using var temp = await PublishAsync();
        var gluetun = File.ReadAllText(Path.Combine(temp.Path, "gluetun.yaml"));

        var service = gluetun[gluetun.IndexOf("kind: Service", StringComparison.Ordinal)..];
        string[] expected = ["control", "qbittorren-http", "qbittor-torrent", "qbi-torrent-udp", "prowlarr-http", "sonarr-http", "radarr-http"];
        Assert.Equal(expected, System.Text.RegularExpressions.Regex.Matches(service, @"  - name: (\S+)\n").Select(m => m.Groups[1].Value));
        foreach (var name in expected)
        {
            Assert.Contains($"          name: {name}\n          protocol:", gluetun);
        }
    }

    [Fact]
    public async Task GluetunLetsTheClustersRangesOutAndAppsInItsPodUseLocalhost()
    {
        using var temp = await PublishAsync();
        var gluetun = File.ReadAllText(Path.Combine(temp.Path, "gluetun.yaml"));

        Assert.Contains("- name: FIREWALL_OUTBOUND_SUBNETS\n          value: 10.42.0.0/16,10.43.0.0/16\n", gluetun);
        // The media apps read no reference variables (their integrations inject none); a container that does, behind the
        // same VPN, reaches its neighbours at localhost and everything else by Service name.
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var vpn = builder.AddGluetun("gluetun", host, builder.AddParameter("p", "x", publishValueAsDefault: true), builder.AddParameter("k", secret: true), builder.AddParameter("a", "x", publishValueAsDefault: true));
        var qbittorrent = builder.AddQBittorrent("qbittorrent", host).WithVpn(vpn);
        var plex = builder.AddPlex("plex", host, builder.AddOptionalParameter("claim", secret: true));
        builder.AddContainer("client", "docker.io/library/client", "1.0").WithVpn(vpn).WithReference(qbittorrent).WithReference(plex);
        builder.AddContainer("outside", "docker.io/library/client", "1.0").WithReference(qbittorrent);
        var context = new PublishContext(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
        var files = KubernetesPublisher.Render(context, new KubernetesOptions()).ToDictionary(f => f.Name, f => f.Content);
        Assert.Contains("- name: QBITTORRENT_HTTP\n          value: http://localhost:8080\n", files["gluetun.yaml"]);
        Assert.DoesNotContain("value: http://gluetun:", files["gluetun.yaml"]);
        Assert.Contains("- name: PLEX_HTTP\n          value: http://plex:32400\n", files["gluetun.yaml"]);
        Assert.Contains("http://gluetun:8080", files["outside.yaml"]);

        using var custom = await PublishAsync(new() { ["Kubernetes:PodCidr"] = "10.244.0.0/16", ["Kubernetes:ServiceCidr"] = "10.96.0.0/12" });
        Assert.Contains("value: 10.244.0.0/16,10.96.0.0/12\n", File.ReadAllText(Path.Combine(custom.Path, "gluetun.yaml")));
    }

    [Theory]
    [InlineData("PodCidr", "10.42.0.0", "use a CIDR such as 10.42.0.0/16 (your cluster's --cluster-cidr)")]
    [InlineData("ServiceCidr", "10.43.0.1/16", "use a CIDR such as 10.43.0.0/16 (your cluster's --service-cidr)")]
    [InlineData("ServiceCidr", "cluster", "use a CIDR such as 10.43.0.0/16 (your cluster's --service-cidr)")]
    public async Task AClusterRangeThatIsNotACidrIsRefused(string option, string value, string fix)
    {
        using var temp = new TempDirectory();

        var result = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Path, new Dictionary<string, string?> { [$"Kubernetes:{option}"] = value });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"Kubernetes:{option} is '{value}'; {fix}", result.Log);
    }

    [Fact]
    public async Task TheDockerSocketIsMountedAsASocketAndItsPodsSayTheyNeedADockerNode()
    {
        using var temp = await PublishAsync();

        foreach (var (pod, why) in new[]
        {
            ("watchtower", "Watchtower updates Docker's containers"),
            ("autokuma", "AutoKuma reads Docker container labels, not pod annotations"),
            ("uptime-kuma", "Uptime Kuma's container monitors watch Docker containers"),
        })
        {
            var file = File.ReadAllText(Path.Combine(temp.Path, $"{pod}.yaml"));
            Assert.Contains("path: /var/run/docker.sock\n          type: Socket\n", file);
            Assert.Contains($"# not mapped: {pod}: the Docker socket (/var/run/docker.sock exists only on a node that runs Docker; {why}", file);
        }

        Assert.DoesNotContain("type: Socket", File.ReadAllText(Path.Combine(temp.Path, "plex.yaml")));
    }

    [Fact]
    public void LongNamesAreShortenedAndAnInvalidAnnotationKeyIsNamedNotWritten()
    {
        var builder = TestAppBuilder.Create();
        var db = builder.AddContainer(new string('d', 60), "docker.io/library/db", "1.0").WithHttpEndpoint(targetPort: 80);
        var key = $"kuma.{new string('a', 60)}.http.name";
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 80).WaitFor(db)
            .WithVolume(new string('v', 62) + "-data", "/data").WithLabel(key, "x").WithLabel("team", "media");
        var context = new PublishContext(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");

        var files = KubernetesPublisher.Render(context, new KubernetesOptions());

        var errors = files.Where(f => f.Name.EndsWith(".yaml", StringComparison.Ordinal) && f.Name != "kustomization.yaml")
            .SelectMany(f => KubernetesNames.Check(f.Content, f.Name)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var app = files.Single(f => f.Name == "app.yaml").Content;
        Assert.Contains($"# not mapped: app: label '{key}' (not an annotation key", app);
        Assert.DoesNotContain($"{key}:", app);
        Assert.Contains("team: media", app);
        Assert.Contains($"claimName: {new string('v', 62)}-data", app);
    }
}
