using Servarr.Hosting;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// <c>publish --publisher kubernetes</c>: the default stack's kustomize tree is reviewed (golden files), valid for
/// Kubernetes and Traefik, builds with <c>kubectl kustomize</c>, keeps gluetun and the VPN apps in one pod, passes Plex's
/// TLS through, and names what it cannot map.
/// </summary>
public class KubernetesPublisherTests
{
    private static async Task<(TempDirectory Temp, AppHostRunner.Result Result)> PublishAsync(Dictionary<string, string?>? configuration = null)
    {
        var temp = new TempDirectory();
        var result = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Path, configuration);
        Assert.True(result.ExitCode == 0, result.Log);
        return (temp, result);
    }

    [Fact]
    public async Task DefaultStackTreeMatchesTheReviewedGoldenFiles()
    {
        var (temp, _) = await PublishAsync();
        using var _ = temp;

        foreach (var file in Directory.GetFiles(temp.Path).Order(StringComparer.Ordinal))
        {
            Golden.AssertMatches(await File.ReadAllTextAsync(file), $"Servarr.Tests/Publishing/Expected/k8s/{Path.GetFileName(file)}");
        }

        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryPaths.Tests, "Publishing", "Expected", "k8s")).Length, Directory.GetFiles(temp.Path).Length);
    }

    [KubernetesToolsFact]
    public async Task EveryObjectValidatesAndKustomizeBuildsTheTree()
    {
        KubernetesTools.Require();
        var (temp, _) = await PublishAsync();
        using var _ = temp;

        KubernetesTools.AssertValid(temp.Path);
        var built = KubernetesTools.Kustomize(temp.Path);

        Assert.True(built.ExitCode == 0, built.StandardError);
        Assert.Contains("kind: IngressRouteTCP", built.StandardOutput);
        Assert.Matches(@"name: servarr-secrets-\w+", built.StandardOutput);
    }

    [Fact]
    public async Task OnePodHoldsGluetunAndTheVpnAppsAndPlexTlsIsPassedThrough()
    {
        var (temp, _) = await PublishAsync();
        using var _ = temp;
        var pods = Directory.GetFiles(temp.Path, "*.yaml").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);

        var gluetun = pods["gluetun"];
        foreach (var app in new[] { "qbittorrent", "prowlarr", "sonarr", "radarr" })
        {
            Assert.Contains($"        name: {app}\n", gluetun);
            Assert.False(pods.ContainsKey(app), $"{app} must not get a pod of its own");
            Assert.DoesNotContain($"name: {app}\n", string.Concat(pods.Where(p => p.Key != "gluetun").Select(p => p.Value)));
        }

        Assert.Contains("- name: FIREWALL_INPUT_PORTS\n          value: 8080,6881,9696,8989,7878", gluetun);
        Assert.Contains("path: /dev/net/tun\n          type: CharDevice", gluetun);
        Assert.Contains("http://gluetun:8989/ping", pods["uptime-kuma"] + pods["autokuma"] + pods["gluetun"]); // VPN apps are reached through gluetun
        var routes = pods["routes"];
        var tcp = routes[routes.IndexOf("kind: IngressRouteTCP", StringComparison.Ordinal)..];
        Assert.Contains("entryPoints:\n  - plex\n", tcp);
        Assert.Contains("match: HostSNI(`*`)", tcp);
        Assert.Contains("tls:\n    passthrough: true", tcp);
        Assert.Contains("match: Host(`plex.home`)", routes);
        Assert.Contains("port: 32400", File.ReadAllText(Path.Combine(temp.Path, "traefik-values.yaml")));
    }

    [Fact]
    public async Task EveryPodRunsWithoutAnApiTokenUnderTheRuntimesSeccompFilterAndOnlyTraefiksNamespaceReachesTheRoutedApps()
    {
        var (temp, _) = await PublishAsync(new() { ["Kubernetes:TraefikNamespace"] = "ingress" });
        using var _ = temp;
        var deserializer = new YamlDotNet.Serialization.DeserializerBuilder().IgnoreUnmatchedProperties().Build();
        var deployments = Directory.GetFiles(temp.Path, "*.yaml").SelectMany(f => File.ReadAllText(f).Split("\n---\n"))
            .Where(t => t.Contains("kind: Deployment", StringComparison.Ordinal)).ToList();

        Assert.Equal(11, deployments.Count); // one pod per app; the VPN apps share gluetun's
        foreach (var text in deployments)
        {
            var pod = (Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)
                deserializer.Deserialize<Dictionary<object, object>>(text)["spec"])["template"])["spec"]);
            Assert.Equal("false", pod["automountServiceAccountToken"]);
            Assert.Equal("RuntimeDefault", ((Dictionary<object, object>)((Dictionary<object, object>)pod["securityContext"])["seccompProfile"])["type"]);
        }

        var policies = File.ReadAllText(Path.Combine(temp.Path, "network-policies.yaml"));
        Assert.Contains("- namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: ingress\n      podSelector:\n        matchLabels:\n          app.kubernetes.io/name: traefik", policies);
        Assert.DoesNotContain("namespaceSelector: {}", policies);
    }

    [Fact]
    public async Task OptionsTightenPlexSniAndMoveStorageToClaims()
    {
        var (temp, _) = await PublishAsync(new()
        {
            ["Kubernetes:PlexSni"] = "plex.direct", ["Kubernetes:Storage"] = "pvc", ["Kubernetes:Namespace"] = "media",
            ["Kubernetes:PlexAdvertiseUrls"] = "https://192.168.1.20:32400",
        });
        using var _ = temp;

        Assert.Contains("- name: ADVERTISE_IP\n          value: https://192.168.1.20:32400", File.ReadAllText(Path.Combine(temp.Path, "plex.yaml")));
        Assert.Contains("HostSNIRegexp(`^.+\\.plex\\.direct$`)", File.ReadAllText(Path.Combine(temp.Path, "routes.yaml")));
        var sonarr = File.ReadAllText(Path.Combine(temp.Path, "gluetun.yaml"));
        Assert.Contains("claimName: sonarr-config", sonarr);
        Assert.Contains("claimName: media", sonarr);
        Assert.DoesNotContain("hostPath:\n            path: /srv", sonarr);
        Assert.Contains("claimName: sonarr-config", File.ReadAllText(Path.Combine(temp.Path, "kopia.yaml")));
        Assert.Contains("namespace: media", File.ReadAllText(Path.Combine(temp.Path, "kustomization.yaml")));

        var bad = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Combine("x"), new Dictionary<string, string?> { ["Kubernetes:Storage"] = "nfs" });
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("Kubernetes:Storage is 'nfs'; use hostPath or pvc", bad.Log);
        Assert.False(Directory.Exists(temp.Combine("x")) && Directory.EnumerateFiles(temp.Combine("x")).Any());
    }

    [Fact]
    public async Task WhatKubernetesCannotExpressIsNamedNotDropped()
    {
        var (temp, _) = await PublishAsync();
        using var _ = temp;

        Assert.Contains("# not mapped: seerr: WithInitProcess (Kubernetes has no --init; the app runs as PID 1)\n", File.ReadAllText(Path.Combine(temp.Path, "seerr.yaml")));
        Assert.Contains("# not mapped: plex: host port", File.ReadAllText(Path.Combine(temp.Path, "plex.yaml")));
        Assert.Contains("# not mapped: sonarr: config folder owner (create it on the node first: sudo install -d -o 1000 -g 1000 /srv/servarr/config/sonarr)",
            File.ReadAllText(Path.Combine(temp.Path, "gluetun.yaml")));

        var builder = TestAppBuilder.Create();
        var db = builder.AddContainer("db", "docker.io/library/db", "1.0").WithHttpEndpoint(targetPort: 80);
        builder.AddContainer("app", "docker.io/library/app", "1.0").WaitForCompletion(db);
        var context = new PublishContext(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
        var refused = Assert.Throws<ServarrException>(() => KubernetesPublisher.Render(context, new KubernetesOptions()));
        Assert.Equal("resource 'db': WaitForCompletion has no Kubernetes equivalent Servarr maps yet; use WaitFor, or run it as a Job yourself via PublishAsKubernetes", refused.Message);
    }

    [Fact]
    public void PublishAsKubernetesChangesThePodsObjects()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 80).WithLabel("team", "media")
            .PublishAsKubernetes((_, objects) => objects.OfType<k8s.Models.V1Deployment>().Single().Spec.Template.Spec.NodeSelector =
                new Dictionary<string, string> { ["disk"] = "ssd" });
        var context = new PublishContext(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");

        var app = KubernetesPublisher.Render(context, new KubernetesOptions()).Single(f => f.Name == "app.yaml").Content;

        Assert.Contains("nodeSelector:\n        disk: ssd", app);
        Assert.Contains("annotations:\n        team: media", app);
    }

    [Fact]
    public async Task SecretsEnvKeepsWhatTheUserFilledInAndHoldsNoValueOtherwise()
    {
        var (temp, _) = await PublishAsync();
        using var _ = temp;
        var path = Path.Combine(temp.Path, "secrets.env");
        Assert.Matches("(?m)^WIREGUARD_PRIVATE_KEY=$", File.ReadAllText(path));
        File.WriteAllText(path, File.ReadAllText(path).Replace("WIREGUARD_PRIVATE_KEY=", "WIREGUARD_PRIVATE_KEY=mine", StringComparison.Ordinal));

        Assert.Equal(0, (await AppHostRunner.PublishAsync("publish-kubernetes", temp.Path)).ExitCode);

        Assert.Matches("(?m)^WIREGUARD_PRIVATE_KEY=mine$", File.ReadAllText(path));
        Assert.Matches("(?m)^TUNNEL_TOKEN=$", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}

/// <summary>The Kubernetes publisher's one-line refusals, each naming the resource and the fix.</summary>
public class KubernetesPublisherRefusalTests
{
    private static string Refusal(Action<IDistributedApplicationBuilder> declare)
    {
        var builder = TestAppBuilder.Create();
        declare(builder);
        var context = new PublishContext(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
        return Assert.Throws<ServarrException>(() => KubernetesPublisher.Render(context, new KubernetesOptions())).Message;
    }

    [Fact]
    public void AParameterInArgumentsIsRefused() => Assert.Equal(
        "resource 'app': an argument uses a parameter, which Kubernetes publishing cannot put in args; pass it as an environment variable",
        Refusal(b => b.AddContainer("app", "docker.io/library/app", "1.0").WithArgs("--key", b.AddParameter("key", "k", publishValueAsDefault: true))));

    [Fact]
    public void WaitingForAResourceWithoutAnEndpointIsRefused() => Assert.Equal(
        "resource 'db': something waits for it, but it has no endpoint to wait on in Kubernetes; give it an endpoint or drop the WaitFor",
        Refusal(b => b.AddContainer("app", "docker.io/library/app", "1.0").WaitFor(b.AddContainer("db", "docker.io/library/db", "1.0"))));

    [Fact]
    public void ANonNumericUserIsRefused() => Assert.Equal(
        "resource 'app': user 'abc' is not a number; Kubernetes runs containers as numeric ids",
        Refusal(b => b.AddContainer("app", "docker.io/library/app", "1.0").WithUser(b.AddParameter("u", "abc", publishValueAsDefault: true), b.AddParameter("g", "1", publishValueAsDefault: true))));
}
