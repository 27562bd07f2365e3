using Docker.DotNet.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Orchestration.Vpn;
using Xunit;

namespace Servarr.Tests.Orchestration;

/// <summary>Pure mapping of a VPN app, as run preparation leaves it, to Docker's create parameters.</summary>
public sealed class VpnContainerMappingTests
{
    [Fact]
    public async Task Vpn_app_joins_the_gateway_namespace_with_the_mounts_run_preparation_handed_to_aspire()
    {
        using var tmp = new TempDirectory();
        var builder = RunModeBuilder(tmp);
        var host = Host(builder, tmp);
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("vpn-provider", "custom"),
            builder.AddParameter("wireguard-private-key", "x", secret: true), builder.AddParameter("wireguard-addresses", "10.0.0.2/32"));
        var qbittorrent = builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun);
        await using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var run = new RunContext(new ParameterValues(builder.Configuration, builder.ExecutionContext), tmp.Path);

        await RunPreparation.PrepareAsync(model, run, CancellationToken.None);
        var spec = VpnSpecBuilder.Build(qbittorrent.Resource, "lscr.io/linuxserver/qbittorrent:5.2.3", "gw123",
            new Dictionary<string, string> { ["WEBUI_PORT"] = "8080", ["PUID"] = "1000" }, [], "qbittorrent-s1",
            new Dictionary<string, string> { [VpnNames.SessionLabel] = "s1" }, run);
        var p = VpnDockerMapper.Map(spec);

        Assert.Equal("qbittorrent-s1", p.Name);
        Assert.Equal("lscr.io/linuxserver/qbittorrent:5.2.3", p.Image);
        Assert.Equal("container:gw123", p.HostConfig!.NetworkMode);
        Assert.Null(p.HostConfig!.PortBindings);
        Assert.Null(p.ExposedPorts);
        Assert.True(string.IsNullOrEmpty(p.Hostname));
        Assert.Null(p.Healthcheck); // the app's health command runs through Aspire's health check (docker exec)
        Assert.Equal(["PUID=1000", "WEBUI_PORT=8080"], p.Env);
        Assert.Null(p.Cmd);
        var mounts = p.HostConfig!.Mounts!.ToDictionary(m => m.Target!);
        Assert.Equal(("bind", Path.Combine(tmp.Path, "config", "qbittorrent"), false), (mounts["/config"].Type, mounts["/config"].Source, mounts["/config"].ReadOnly));
        Assert.Equal(("bind", Path.Combine(tmp.Path, "media")), (mounts["/data"].Type, mounts["/data"].Source));
        var seed = Assert.Single(p.HostConfig!.Mounts!, m => m.Target!.StartsWith("/custom-cont-init.d/", StringComparison.Ordinal));
        Assert.True(seed.ReadOnly);
        Assert.True(File.Exists(seed.Source)); // the generated file was written before the VPN lifecycle read the mounts
        Assert.Equal(["no-new-privileges:true"], p.HostConfig!.SecurityOpt);
        Assert.Equal(RestartPolicyKind.Always, p.HostConfig!.RestartPolicy!.Name); // the model's restart policy (compose's restart: always)
        Assert.Equal("qbittorrent", p.Labels![VpnNames.ResourceLabel]);
        Assert.Equal("gw123", p.Labels![VpnNames.GatewayLabel]);
        Assert.Equal("s1", p.Labels![VpnNames.SessionLabel]);
    }

    [Fact]
    public async Task Runtime_args_go_to_aspire_for_the_gateway_but_not_for_the_apps_servarr_creates()
    {
        using var tmp = new TempDirectory();
        var builder = RunModeBuilder(tmp);
        var host = Host(builder, tmp);
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("vpn-provider", "custom"),
            builder.AddParameter("wireguard-private-key", "x", secret: true), builder.AddParameter("wireguard-addresses", "10.0.0.2/32"));
        var sonarr = builder.AddSonarr("sonarr", host).WithVpn(gluetun);
        await using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        await RunPreparation.PrepareAsync(model, new RunContext(new ParameterValues(builder.Configuration, builder.ExecutionContext), tmp.Path), CancellationToken.None);

        Assert.NotEmpty(gluetun.Resource.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>());
        Assert.Empty(sonarr.Resource.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>());
        Assert.Contains(sonarr.Resource.Annotations.OfType<HealthCheckAnnotation>(), h => h.Key == "servarr-sonarr-health");
    }

    [Fact]
    public void Docker_settings_are_one_mapping_for_docker_run_and_for_the_vpn_container()
    {
        var container = new ContainerResource("app");
        container.Annotations.Add(new CapabilityAnnotation("NET_ADMIN"));
        container.Annotations.Add(new DeviceAnnotation("/dev/net/tun"));
        container.Annotations.Add(new UserAnnotation(ReferenceExpression.Create($"1000"), ReferenceExpression.Create($"1001")));
        container.Annotations.Add(new InitProcessAnnotation());
        container.Annotations.Add(new ContainerLabelAnnotation("team", ReferenceExpression.Create($"media")));
        container.Annotations.Add(new HostnameAnnotation("app-host"));
        container.Annotations.Add(new HostAliasAnnotation("nas", "192.168.1.5"));
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });
        var run = new RunContext(new ParameterValues(builder.Configuration, builder.ExecutionContext), Path.GetTempPath());

        var settings = DockerRunSettings.For(container, run);
        var spec = new VpnContainerSpec("app-s1", "img:1", "gw", new Dictionary<string, string>(), [], null, [], settings,
            new Dictionary<string, string> { [VpnNames.ResourceLabel] = "app" });
        var p = VpnDockerMapper.Map(spec);

        Assert.Equal(["--cap-add", "NET_ADMIN", "--device", "/dev/net/tun:/dev/net/tun", "--user", "1000:1001", "--init", "--hostname", "app-host",
            "--label", "team=media", "--add-host", "nas:192.168.1.5", "--restart", "always", "--security-opt", "no-new-privileges:true"], DockerRunArguments.For(container, run));
        Assert.Equal(["NET_ADMIN"], p.HostConfig!.CapAdd);
        Assert.Equal(("/dev/net/tun", "/dev/net/tun"), (Assert.Single(p.HostConfig!.Devices!).PathOnHost, p.HostConfig!.Devices![0].PathInContainer));
        Assert.Equal("1000:1001", p.User);
        Assert.True(p.HostConfig!.Init);
        Assert.Equal("media", p.Labels!["team"]);
        Assert.Equal("app", p.Labels![VpnNames.ResourceLabel]);
        Assert.Equal(["no-new-privileges:true"], p.HostConfig!.SecurityOpt);
        // Docker refuses a hostname or extra hosts with a container: network mode; the gateway owns both.
        Assert.True(string.IsNullOrEmpty(p.Hostname));
        Assert.Null(p.HostConfig!.ExtraHosts);
    }

    [Fact]
    public void Image_reference_is_built_from_aspire_parts_and_needs_a_tag()
    {
        Assert.Equal("lscr.io/linuxserver/sonarr:4.0", VpnNames.ImageReference("lscr.io", "linuxserver/sonarr", "4.0", null));
        Assert.Equal("docker.io/qmcgaw/gluetun@sha256:abc", VpnNames.ImageReference(null, "docker.io/qmcgaw/gluetun", "v3", "abc"));
        Assert.Throws<ArgumentException>(() => VpnNames.ImageReference(null, "qmcgaw/gluetun", null, null));
    }

    internal static IDistributedApplicationBuilder RunModeBuilder(TempDirectory tmp) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true, ProjectDirectory = tmp.Path }).AddServarr();

    /// <summary>Host settings under <paramref name="tmp"/>, config folders created up front (nothing to chown).</summary>
    internal static HostSettings Host(IDistributedApplicationBuilder builder, TempDirectory tmp)
    {
        foreach (var app in new[] { "gluetun", "qbittorrent", "sonarr", "radarr", "prowlarr", "plex", "seerr" })
        {
            Directory.CreateDirectory(tmp.Combine("config", app));
        }

        Directory.CreateDirectory(tmp.Combine("media"));
        // Run mode reads values from configuration, as the AppHost does (appsettings, user secrets, environment).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Parameters:tz"] = "Etc/UTC",
            ["Parameters:puid"] = "1000",
            ["Parameters:pgid"] = "1000",
            ["Parameters:config-root"] = tmp.Combine("config"),
            ["Parameters:media-root"] = tmp.Combine("media"),
        });
        return new HostSettings(builder.AddParameter("tz"), builder.AddParameter("puid"), builder.AddParameter("pgid"),
            builder.AddParameter("config-root"), builder.AddParameter("media-root"));
    }
}
