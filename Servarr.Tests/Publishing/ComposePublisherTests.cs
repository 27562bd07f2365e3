using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

public class ComposePublisherTests
{
    [Fact]
    public async Task DefaultStackComposeFileMatchesTheReviewedGoldenFiles()
    {
        using var temp = new TempDirectory();

        var result = await AppHostRunner.PublishAsync("publish-compose", temp.Path);

        Assert.True(result.ExitCode == 0, result.Log);
        Golden.AssertMatches(await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml")), "Servarr.Tests/Publishing/Expected/default-stack.docker-compose.yaml");
        Golden.AssertMatches(await File.ReadAllTextAsync(temp.Combine(".env")), "Servarr.Tests/Publishing/Expected/default-stack.env");
        Golden.AssertMatches(await File.ReadAllTextAsync(temp.Combine("prepare-host.sh")), "Servarr.Tests/Publishing/Expected/default-stack.prepare-host.sh");
    }

    [Fact]
    public async Task DefaultStackComposeFileIsValidAgainstTheComposeSpec()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, (await AppHostRunner.PublishAsync("publish-compose", temp.Path)).ExitCode);

        await SchemaAssert.ValidComposeAsync(await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml")));
    }

    [Fact]
    public async Task VpnAppsLiveInTheGatewayNamespaceAndTheGatewayCarriesTheirPorts()
    {
        var file = await BuildDefaultStackFileAsync();

        var qbittorrent = file.Services["qbittorrent"];
        Assert.Equal("service:gluetun", qbittorrent.NetworkMode);
        Assert.Null(qbittorrent.Ports);
        Assert.Null(qbittorrent.Expose);
        Assert.Null(qbittorrent.Networks);
        Assert.Equal("service_healthy", qbittorrent.DependsOn!["gluetun"].Condition);
        Assert.Equal(["8000", "8080", "6881", "6881/udp", "9696", "8989", "7878"], file.Services["gluetun"].Expose);
        Assert.Equal(["NET_ADMIN"], file.Services["gluetun"].CapAdd);
        Assert.Equal(["/dev/net/tun:/dev/net/tun"], file.Services["gluetun"].Devices);
        // Seerr refers to Sonarr, but reads no variable about it: WithReference writes none into its environment.
        Assert.DoesNotContain(file.Services["seerr"].Environment!.Keys, k => k.StartsWith("SONARR", StringComparison.Ordinal) || k.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyPlexPublishesAHostPortOnEveryInterfaceAndTheAdminUisAreOnLoopbackOnly()
    {
        var file = await BuildDefaultStackFileAsync();

        var published = file.Services.Where(s => s.Value.Ports is not null).ToDictionary(s => s.Key, s => s.Value.Ports!);

        Assert.Equal(["32400:32400"], published["plex"]);
        Assert.All(published.Where(p => p.Key != "plex").SelectMany(p => p.Value), port => Assert.StartsWith("127.0.0.1:", port));
        // The admin UIs, over SSH (ssh -L): the apps behind the VPN on gluetun, whose namespace they share.
        Assert.Equal(["127.0.0.1:7878:7878", "127.0.0.1:8080:8080", "127.0.0.1:8989:8989", "127.0.0.1:9696:9696"], published["gluetun"].Order(StringComparer.Ordinal));
        Assert.Equal(["127.0.0.1:8181:8181"], published["tautulli"]);
        Assert.Equal(["127.0.0.1:6246:6246"], published["maintainerr"]);
        Assert.Equal(["127.0.0.1:51515:51515"], published["kopia"]);
        Assert.Equal(["127.0.0.1:3001:3001"], published["uptime-kuma"]);
        Assert.Equal(["gluetun", "kopia", "maintainerr", "plex", "tautulli", "uptime-kuma"], published.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryServiceHasAHealthcheckOrKeepsTheImageOneAndRestartsAlways()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var file = BuildFile(app);

        foreach (var container in app.Model.Containers)
        {
            var service = file.Services[container.Name];
            // AutoKuma's image has no probe and no port; nothing waits for it, and its own container monitor watches it.
            Assert.True(service.Healthcheck is not null || container.Annotations.OfType<ImageHealthCheckAnnotation>().Any() || container is AutoKumaResource,
                $"{container.Name} has no healthcheck");
            Assert.Equal("always", service.Restart);
        }

        Assert.Equal(["CMD", "cloudflared", "tunnel", "--metrics", "127.0.0.1:2000", "ready"], file.Services["cloudflared"].Healthcheck!.Test);
        Assert.All(file.Services["kopia"].Volumes!.Where(v => v.Target.StartsWith("/data/", StringComparison.Ordinal)), v => Assert.True(v.ReadOnly));
        Assert.Equal(11, file.Services["kopia"].Volumes!.Count(v => v.Target.StartsWith("/data/", StringComparison.Ordinal)));
        Assert.Contains(file.Services["watchtower"].Volumes!, v => v.Source == "/var/run/docker.sock" && v.ReadOnly == true);
        Assert.Contains(file.Services["autokuma"].Volumes!, v => v.Source == "/var/run/docker.sock" && v.ReadOnly == true);
        Assert.Null(file.Services["autokuma"].Healthcheck);
        Assert.Equal("servarr", file.Services["kopia"].Hostname);
        Assert.True(file.Services["seerr"].Init);
    }

    [Fact]
    public async Task DependsOnFollowsTheKindOfWait()
    {
        var builder = TestAppBuilder.Create();
        var job = builder.AddContainer("migrate", "docker.io/library/job", "1.0").WithRestartPolicy(RestartPolicy.No);
        var db = builder.AddContainer("db", "docker.io/library/db", "1.0").WithContainerHealthCheck(["pg_isready"]);
        var plain = builder.AddContainer("plain", "docker.io/library/plain", "1.0");
        builder.AddContainer("app", "docker.io/library/app", "1.0").WaitForCompletion(job).WaitFor(db).WaitFor(plain);
        var file = ComposePublisher.BuildFile(Context(builder), "/tmp/out");

        var dependsOn = file.Services["app"].DependsOn!.ToDictionary(d => d.Key, d => d.Value.Condition);

        Assert.Equal(new Dictionary<string, string>
        {
            ["migrate"] = "service_completed_successfully",
            ["db"] = "service_healthy",
            ["plain"] = "service_started",
        }, dependsOn);
        Assert.Equal("no", file.Services["migrate"].Restart);
        Assert.Contains("restart: \"no\"", ComposeYaml.Serialize(file));
    }

    [Fact]
    public void LiteralDollarSignsAreEscapedAndParametersBecomePlaceholders()
    {
        var builder = TestAppBuilder.Create();
        var tz = builder.AddParameter("tz", "Etc/UTC", publishValueAsDefault: true);
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithEnvironment("PROMPT", "$HOME").WithEnvironment("TZ_LINE", $"zone={tz}");

        var environment = ComposePublisher.BuildFile(Context(builder), "/tmp/out").Services["app"].Environment!;

        Assert.Equal("$$HOME", environment["PROMPT"]);
        Assert.Equal("zone=${TZ}", environment["TZ_LINE"]);
    }

    [Fact]
    public void PublishAsComposeServiceRunsAfterServarrBuiltTheService()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("plex", "docker.io/plexinc/pms-docker", "1.0").WithHttpEndpoint(port: 32400, targetPort: 32400)
            .PublishAsComposeService((resource, service) =>
            {
                service.Devices = ["/dev/dri:/dev/dri"];
                service.Labels!["seen"] = resource.Name + string.Join(",", service.Ports!);
            });

        var service = ComposePublisher.BuildFile(Context(builder), "/tmp/out").Services["plex"];

        Assert.Equal(["/dev/dri:/dev/dri"], service.Devices);
        Assert.Equal("plex32400:32400", service.Labels!["seen"]);
    }

    [Fact]
    public async Task EnvFileKeepsWhatTheUserFilledInAndIsPrivate()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine(".env"), "TZ=Europe/Amsterdam\nWIREGUARD_PRIVATE_KEY=kept-secret\nMY_OWN=1\nPUID=\n");

        var result = await AppHostRunner.PublishAsync("publish-compose", temp.Path);

        Assert.True(result.ExitCode == 0, result.Log);
        var env = await File.ReadAllTextAsync(temp.Combine(".env"));
        Assert.Contains("\nTZ=Europe/Amsterdam\n", env);
        Assert.Contains(".env TZ: keeps Europe/Amsterdam from the file; the configuration has 'Etc/UTC' (delete the line to take it)", result.Log);
        Assert.Contains("\nWIREGUARD_PRIVATE_KEY=kept-secret\n", env);
        Assert.Contains("\nMY_OWN=1\n", env);
        Assert.Contains("\nPUID='1000'\n", env);
        Assert.Contains("\nCOMPOSE_PROJECT_NAME='servarr'\n", env);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.Combine(".env")));
        }
    }

    /// <summary>The compose variants a user can publish from the default stack, each checked by docker-compose itself.</summary>
    public static TheoryData<string, Dictionary<string, string?>> Variants => new()
    {
        { "default", new() },
        { "local tunnel", new() { ["Parameters:tunnel-mode"] = "local", ["Parameters:tunnel-id"] = "6ff42ae2-765d-4adf-8112-31c55c1551ef" } },
        { "LAN address and alerts", new() { ["Parameters:lan-address"] = "192.168.1.10", ["Parameters:pushbullet-access-token"] = "o.token" } },
    };

    [DockerTheory]
    [MemberData(nameof(Variants))]
    public async Task DockerComposeAcceptsEveryVariantOnceTheSecretsAreFilledIn(string variant, Dictionary<string, string?> configuration)
    {
        DockerEngine.RequireAvailable();
        using var temp = new TempDirectory();
        var published = await AppHostRunner.PublishAsync("publish-compose", temp.Path, configuration);
        Assert.True(published.ExitCode == 0, $"{variant}: {published.Log}");

        var unfilled = DockerEngine.Run("docker-compose", ["config", "--quiet"], TimeSpan.FromSeconds(60), temp.Path);
        EnvFileEditor.FillEmptyValues(temp.Combine(".env"), key => $"value-of-{key.ToLowerInvariant()}");
        var filled = DockerEngine.Run("docker-compose", ["config", "--quiet"], TimeSpan.FromSeconds(60), temp.Path);

        Assert.NotEqual(0, unfilled.ExitCode);
        Assert.Contains("set WIREGUARD_PRIVATE_KEY in .env", unfilled.StandardError);
        Assert.True(filled.ExitCode == 0, $"{variant}: {filled}");
        Assert.DoesNotContain("WARNING", filled.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    private static PublishContext Context(IDistributedApplicationBuilder builder) =>
        new(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");

    private static async Task<ComposeFile> BuildDefaultStackFileAsync() => BuildFile(await AppHostRunner.BuildStackAsync());

    private static ComposeFile BuildFile(AppHostRunner.Stack app)
    {
        var context = new PublishContext(app.Model, app.Builder.ExecutionContext, app.Values, app.Builder.AppHostDirectory, "/tmp/out");
        return ComposePublisher.BuildFile(context, "/tmp/out");
    }
}
