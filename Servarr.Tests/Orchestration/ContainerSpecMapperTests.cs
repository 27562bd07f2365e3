// Docker.DotNet's models mark every property nullable; these assertions read what the mapper always sets.
#nullable disable warnings
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>The pure mapping from the model to Docker create parameters, without an engine.</summary>
public class ContainerSpecMapperTests
{
    private static async Task<(DistributedApplication App, RunContext Run)> DefaultStackAsync(IDictionary<string, string?>? configuration = null)
    {
        var result = await AppHostRunner.RunAsync(["run"], configuration, skipRun: true);
        var app = result.Application!;
        var values = new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, store: null);
        var dev = new Dictionary<(string, string), int> { [("qbittorrent", "http")] = 41080, [("seerr", "http")] = 41055 };
        return (app, new RunContext("servarr", "session-1", values, app.Builder.AppHostDirectory, dev));
    }

    private static ContainerSpec Map(DistributedApplication app, RunContext run, string name) =>
        ContainerSpecMapper.Map(app.Model.Containers.Single(c => c.Name == name), app.Model, run);

    [Fact]
    public async Task VpnAppsShareTheGatewayNamespaceAndTheGatewayPublishesTheirDevelopmentPortsOnLoopback()
    {
        var (app, run) = await DefaultStackAsync();

        var qbittorrent = Map(app, run, "qbittorrent").Parameters;
        var gluetun = Map(app, run, "gluetun").Parameters;

        Assert.Equal("container:gluetun", qbittorrent.HostConfig.NetworkMode);
        Assert.Null(qbittorrent.HostConfig.PortBindings);
        Assert.Equal("servarr-internal", gluetun.HostConfig.NetworkMode);
        var binding = Assert.Single(gluetun.HostConfig.PortBindings["8080/tcp"]);
        Assert.Equal(("127.0.0.1", "41080"), (binding.HostIP, binding.HostPort));
        Assert.Equal(["NET_ADMIN"], gluetun.HostConfig.CapAdd);
        Assert.Equal("/dev/net/tun", Assert.Single(gluetun.HostConfig.Devices).PathOnHost);
        Assert.Contains("9696/tcp", gluetun.ExposedPorts.Keys);
    }

    [Fact]
    public async Task PlexPublishesItsModelPortOnEveryInterfaceAndOthersOnlyOnLoopback()
    {
        var (app, run) = await DefaultStackAsync();

        var plex = Map(app, run, "plex").Parameters.HostConfig.PortBindings["32400/tcp"].Single();
        var seerr = Map(app, run, "seerr").Parameters.HostConfig.PortBindings["5055/tcp"].Single();

        Assert.Equal(("", "32400"), (plex.HostIP, plex.HostPort));
        Assert.Equal(("127.0.0.1", "41055"), (seerr.HostIP, seerr.HostPort));
        Assert.Null(Map(app, run, "tautulli").Parameters.HostConfig.PortBindings);
    }

    [Fact]
    public async Task RandomHostPortsMovePlexToo_AllOnLoopback()
    {
        var (app, _) = await DefaultStackAsync();
        var values = new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, store: null);
        var ports = DevelopmentPorts.Assign(app.Model, random: true);
        var run = new RunContext("servarr", "s", values, app.Builder.AppHostDirectory, ports);

        var plex = Map(app, run, "plex").Parameters.HostConfig.PortBindings["32400/tcp"].Single();

        Assert.Equal("127.0.0.1", plex.HostIP);
        Assert.Equal(ports[("plex", "http")].ToString(System.Globalization.CultureInfo.InvariantCulture), plex.HostPort);
        Assert.NotEqual(32400, ports[("plex", "http")]);
        Assert.Equal(ports.Count, ports.Values.Distinct().Count());
        Assert.Equal($"http://127.0.0.1:{ports[("plex", "http")]}", Assert.Single(ContainerStateMapper.Urls(app.Model.Containers.Single(c => c.Name == "plex"), run)));
    }

    [Fact]
    public async Task EnvironmentCarriesRealValuesAndInNetworkAddresses()
    {
        var (app, run) = await DefaultStackAsync(new Dictionary<string, string?> { ["Parameters:tz"] = "Europe/Amsterdam", ["Parameters:seerr-api-key"] = "k-123" });

        var env = Map(app, run, "seerr").Parameters.Env;
        var autoKuma = Map(app, run, "autokuma").Parameters.Env;

        Assert.Contains("TZ=Europe/Amsterdam", env);
        Assert.Contains("API_KEY=k-123", env);
        Assert.DoesNotContain(env, e => e.StartsWith("SONARR_", StringComparison.Ordinal)); // Seerr reads no variable about Sonarr
        Assert.Contains("AUTOKUMA__KUMA__URL=http://uptime-kuma:3001", autoKuma);
    }

    [Fact]
    public async Task MountsHealthRestartAndLabelsFollowTheModel()
    {
        var (app, run) = await DefaultStackAsync();

        var kopia = Map(app, run, "kopia");

        Assert.All(kopia.Parameters.HostConfig.Mounts.Where(m => m.Target.StartsWith("/data/", StringComparison.Ordinal)), m => Assert.True(m.ReadOnly));
        Assert.Contains(kopia.Parameters.HostConfig.Mounts, m => m is { Type: "volume", Source: "kopia-cache", Target: "/app/cache" });
        Assert.Equal(["CMD", "sh", "-c", KopiaBuilderExtensions.HealthCommand], kopia.Parameters.Healthcheck.Test);
        Assert.Equal(global::Docker.DotNet.Models.RestartPolicyKind.Always, kopia.Parameters.HostConfig.RestartPolicy.Name);
        Assert.Equal("servarr", kopia.Parameters.Hostname);
        var expected = app.Model.Containers.Single(c => c.Name == "kopia").Annotations.OfType<ContainerLabelAnnotation>()
            .ToDictionary(l => l.Key, l => l.Value.Render(_ => ""));
        Assert.Equal("kopia", expected["kuma.kopia-container.docker.docker_container"]); // AutoKuma's labels reach the engine
        expected[ServarrLabels.App] = "servarr";
        expected[ServarrLabels.Resource] = "kopia";
        expected[ServarrLabels.SpecHash] = kopia.SpecHash;
        expected[ServarrLabels.Session] = "session-1";
        Assert.Equal(expected, kopia.Parameters.Labels);
    }

    [Fact]
    public async Task SpecHashIgnoresTheSessionButChangesWithTheSpec()
    {
        var (app, run) = await DefaultStackAsync();
        var (changed, changedRun) = await DefaultStackAsync(new Dictionary<string, string?> { ["Parameters:tz"] = "Asia/Tokyo" });
        var otherSession = new RunContext("servarr", "session-2", run.Parameters, run.AppHostDirectory, run.DevelopmentPorts);

        Assert.Equal(Map(app, run, "sonarr").SpecHash, Map(app, otherSession, "sonarr").SpecHash);
        Assert.NotEqual(Map(app, run, "sonarr").SpecHash, Map(changed, changedRun, "sonarr").SpecHash);
        Assert.Matches("^[0-9a-f]{16}$", Map(app, run, "sonarr").SpecHash);
    }
}

public class ContainerStateMapperTests
{
    [Fact]
    public async Task UrlsPointAtTheModelPortOrTheDevelopmentPortAlsoForAppsBehindTheVpn()
    {
        var result = await AppHostRunner.RunAsync(["run"], skipRun: true);
        var app = result.Application!;
        var run = new RunContext("servarr", "s", new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, null), "/tmp",
            new Dictionary<(string, string), int> { [("qbittorrent", "http")] = 41080 });
        ContainerResource Named(string name) => app.Model.Containers.Single(c => c.Name == name);

        Assert.Equal(["http://127.0.0.1:41080"], ContainerStateMapper.Urls(Named("qbittorrent"), run));
        Assert.Equal(["http://localhost:32400"], ContainerStateMapper.Urls(Named("plex"), run));
        Assert.Empty(ContainerStateMapper.Urls(Named("tautulli"), run));
        var running = ContainerStateMapper.ToSnapshot(Named("qbittorrent"), "id", new ContainerStatus("running", "healthy", 0, 2, null), run);
        Assert.Equal(new ResourceSnapshot("qbittorrent", ResourceState.Running, "healthy", "id", null, 2, null), running with { Urls = null });
        Assert.Equal(["http://127.0.0.1:41080"], running.Urls);
        Assert.True(running.IsHealthy);
        Assert.Equal(ResourceState.Finished, ContainerStateMapper.ToSnapshot(
            new ContainerResource("job") { Annotations = { new RestartPolicyAnnotation(RestartPolicy.No) } }, "id", new ContainerStatus("exited", null, 0, 0, null), run).State);
    }
}

public class AppHostHealthTests
{
    private static readonly RunContext s_run = new("servarr", "s", new ParameterValues(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
        new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), null), "/tmp",
        new Dictionary<(string, string), int> { [("sonarr", "http")] = 48989 });

    private static ContainerResource Sonarr()
    {
        var sonarr = new ContainerResource("sonarr");
        sonarr.Annotations.Add(new EndpointAnnotation("http", "http", EndpointProtocol.Tcp, 8989));
        sonarr.Annotations.Add(new HttpHealthCheckAnnotation("/ping", "http"));
        return sonarr;
    }

    [Theory]
    [InlineData("starting", true, "healthy")]
    [InlineData("starting", false, "starting")]
    [InlineData("healthy", false, "unhealthy")]
    [InlineData("unhealthy", true, "unhealthy")]
    [InlineData(null, true, "healthy")]
    public void TheAppHostProbeDecidesHealthUnlessDockerSaysUnhealthy(string? docker, bool probe, string expected)
    {
        var snapshot = ContainerStateMapper.ToSnapshot(Sonarr(), "id", new ContainerStatus("running", docker, 0, 0, null), s_run, probe);

        Assert.Equal(expected, snapshot.Health);
        Assert.Equal(expected == "healthy", snapshot.IsHealthy);
    }

    [Fact]
    public void TheProbeUsesTheDevelopmentPortOnLoopback()
    {
        Assert.Equal(new HealthProbeTarget(new Uri("http://127.0.0.1:48989/ping"), 200), ContainerStateMapper.HealthProbe(Sonarr(), s_run));
        Assert.Null(ContainerStateMapper.HealthProbe(new ContainerResource("bare"), s_run));
    }

    [Fact]
    public void ATcpCheckIsProbedByConnectingToTheLoopbackPort()
    {
        var kopia = new ContainerResource("sonarr");
        kopia.Annotations.Add(new EndpointAnnotation("http", "http", EndpointProtocol.Tcp, 51515));
        kopia.Annotations.Add(new TcpHealthCheckAnnotation("http"));

        Assert.Equal(new HealthProbeTarget(new Uri("tcp://127.0.0.1:48989"), null), ContainerStateMapper.HealthProbe(kopia, s_run));
    }

    [Fact]
    public async Task TheProberConnectsForTcpAndReportsAClosedPortAsUnhealthy()
    {
        using var prober = new HealthProber();
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var target = new HealthProbeTarget(new Uri($"tcp://127.0.0.1:{port}"), null);

        Assert.True(await prober.ProbeAsync(target, CancellationToken.None));
        listener.Stop();
        Assert.False(await prober.ProbeAsync(target, CancellationToken.None));
        Assert.Null(await prober.ProbeAsync(null, CancellationToken.None));
    }

    [Fact]
    public void PullProgressSumsLayersIntoOneLine()
    {
        var tracker = new PullProgressTracker("docker.io/library/app:1.0");

        Assert.Equal("pulling docker.io/library/app:1.0", tracker.Line());
        tracker.Report(new PullProgress("1.0", "Pulling from library/app"));
        tracker.Report(new PullProgress("a", "Pulling fs layer"));
        tracker.Report(new PullProgress("b", "Already exists"));
        tracker.Report(new PullProgress("a", "Downloading", 2_500_000, 10_000_000));
        Assert.Equal("pulling docker.io/library/app:1.0 — 1/2 layers, 2.5 of 10.0 MB", tracker.Line());
        Assert.Equal("pulling docker.io/library/app:1.0 — 2/2 layers, 10.0 of 10.0 MB", tracker.Report(new PullProgress("a", "Pull complete")));
    }
}
