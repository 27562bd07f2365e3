using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>Each integration carries the facts of its app: image, port, health, mounts, environment, API key.</summary>
public class IntegrationFactsTests
{
    public sealed record Expectation(string Image, int Port, string? HealthPath, string ConfigTarget, string? ApiKeyVariable, bool LinuxServer);

    public static TheoryData<string, Expectation> Apps => new()
    {
        { "plex", new("docker.io/plexinc/pms-docker:1.43.3.10828-00f62d37d", 32400, "/identity", "/config", null, false) },
        { "sonarr", new("lscr.io/linuxserver/sonarr:4.0.19.2979-ls316", 8989, "/ping", "/config", "SONARR__AUTH__APIKEY", true) },
        { "radarr", new("lscr.io/linuxserver/radarr:6.2.1.10461-ls308", 7878, "/ping", "/config", "RADARR__AUTH__APIKEY", true) },
        { "prowlarr", new("lscr.io/linuxserver/prowlarr:2.5.2.5491-ls155", 9696, "/ping", "/config", "PROWLARR__AUTH__APIKEY", true) },
        { "qbittorrent", new("lscr.io/linuxserver/qbittorrent:5.2.3_v2.0.13-ls469", 8080, "/", "/config", null, true) },
        { "gluetun", new("docker.io/qmcgaw/gluetun:v3.41.1", 8000, null, "/gluetun", null, false) },
        { "cloudflared", new("docker.io/cloudflare/cloudflared:2026.8.2", 2000, "/ready", "", null, false) },
        { "kopia", new("docker.io/kopia/kopia:0.23.1", 51515, null, "/app/config", null, false) },
        { "uptime-kuma", new("docker.io/louislam/uptime-kuma:2.5.3", 3001, "/", "/app/data", null, false) },
        { "seerr", new("ghcr.io/seerr-team/seerr:v3.4.1", 5055, "/api/v1/status", "/app/config", "API_KEY", false) },
        { "wizarr", new("ghcr.io/wizarrrr/wizarr:v2026.7.1", 5690, "/health", "/data", null, false) },
        { "tautulli", new("ghcr.io/tautulli/tautulli:v2.17.2", 8181, "/status", "/config", "TAUTULLI_API_KEY", false) },
        { "maintainerr", new("ghcr.io/maintainerr/maintainerr:3.24.0", 6246, "/api/health/ready", "/opt/data", null, false) },
        { "watchtower", new("ghcr.io/nicholas-fedor/watchtower:1.8.0", 0, null, "", null, false) },
    };

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task DefaultStackAppsCarryTheirFacts(string name, Expectation expected)
    {
        var app = await AppHostRunner.BuildStackAsync();
        var resource = app.Model.Containers.Single(c => c.Name == name);
        var env = EnvironmentEvaluator.Evaluate(resource, ServarrExecution.Publish).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal(expected.Image, resource.GetImage()!.Reference);
        Assert.Equal(expected.Port == 0 ? [] : [expected.Port], resource.GetEndpointAnnotations().Take(1).Select(e => e.TargetPort!.Value));
        Assert.Equal(expected.HealthPath, resource.Annotations.OfType<HttpHealthCheckAnnotation>().SingleOrDefault()?.Path);
        Assert.True(resource.Annotations.Any(a => a is ContainerHealthCheckAnnotation or ImageHealthCheckAnnotation), $"{name} has no container health check");
        if (expected.ConfigTarget.Length > 0)
        {
            var config = resource.GetMounts().Single(m => m.Purpose == ContainerMountPurpose.Config);
            Assert.Equal(expected.ConfigTarget, config.Target);
            Assert.False(config.IsReadOnly);
            Assert.Equal($"{{config-root}}/{name}", config.Source.Render(v => $"{{{((ParameterResource)v).Name}}}"));
        }

        if (expected.ApiKeyVariable is { } variable)
        {
            var key = resource.GetApiKey()!;
            Assert.True(key.Secret);
            Assert.IsType<GenerateParameterDefault>(key.Default);
            Assert.Same(key, Assert.Single(env[variable].References));
        }
        else
        {
            Assert.Null(resource.GetApiKey());
        }

        Assert.Equal(expected.LinuxServer, new[] { "PUID", "PGID", "TZ", "UMASK" }.All(env.ContainsKey));
        Assert.Equal(RestartPolicy.Always, resource.GetRestartPolicy());
    }

    [Fact]
    public async Task GluetunIsTheVpnGatewayWithItsPrivilegesAndOnlyDownloadersAreBehindIt()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var gluetun = app.Model.Containers.Single(c => c.Name == "gluetun");

        Assert.IsAssignableFrom<IVpnGatewayResource>(gluetun);
        Assert.Equal(["NET_ADMIN"], gluetun.Annotations.OfType<CapabilityAnnotation>().Select(c => c.Capability));
        Assert.Equal(["/dev/net/tun"], gluetun.Annotations.OfType<DeviceAnnotation>().Select(d => d.HostPath));
        Assert.Equal(["prowlarr", "qbittorrent", "radarr", "sonarr"], app.Model.Containers.Where(c => c.GetVpnGateway() == gluetun).Select(c => c.Name).Order());
    }

    [Fact]
    public async Task OnlyPlexAsksForAHostPortAndPlexLibraryIsReadOnly()
    {
        var app = await AppHostRunner.BuildStackAsync();

        var published = app.Model.Containers.SelectMany(c => c.GetEndpointAnnotations().Where(e => e.Port is not null).Select(e => $"{c.Name}:{e.Port}"));

        Assert.Equal(["plex:32400"], published);
        Assert.True(app.Model.Containers.Single(c => c.Name == "plex").GetMounts().Single(m => m.Purpose == ContainerMountPurpose.Media).IsReadOnly);
    }

    [Fact]
    public async Task KopiaBacksUpEveryOtherAppsConfigReadOnly()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var kopia = app.Model.Containers.Single(c => c.Name == "kopia");
        var withConfig = app.Model.Containers.Where(c => c != kopia && c.GetMounts().Any(m => m.Purpose == ContainerMountPurpose.Config)).Select(c => c.Name);

        var backedUp = kopia.GetMounts().Where(m => m.Target.StartsWith("/data/", StringComparison.Ordinal)).ToList();

        Assert.Equal(withConfig.Order(), backedUp.Select(m => m.Target["/data/".Length..]).Order());
        Assert.All(backedUp, m => Assert.True(m.IsReadOnly));
    }
}
