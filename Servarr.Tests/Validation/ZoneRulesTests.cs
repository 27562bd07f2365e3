using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Validation;

/// <summary>Network zones: who reaches whom, and the refusals when the model's references or public hostnames cross zones.</summary>
public class ZoneRulesTests
{
    private static (IDistributedApplicationBuilder Builder, IResourceBuilder<NetworkResource> Edge, IResourceBuilder<NetworkResource> Internal) Zoned()
    {
        var builder = TestAppBuilder.Create();
        return (builder, builder.AddNetwork("edge"), builder.AddNetwork("internal"));
    }

    private static IResourceBuilder<ContainerResource> App(IDistributedApplicationBuilder builder, string name, int port) =>
        builder.AddContainer(name, $"docker.io/library/{name}", "1.0").WithHttpEndpoint(targetPort: port);

    [Fact]
    public async Task TheDefaultStackKeepsTheTunnelOnEdgeAndTheVpnAppsWhereTheirGatewayIs()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var zones = new NetworkZones(model);
        ContainerResource Get(string name) => model.Containers.Single(c => c.Name == name);

        Assert.Equal(["edge"], zones.Of(Get("cloudflared")));
        Assert.Equal(["internal"], zones.Of(Get("sonarr")));
        Assert.Equal([NetworkZones.DefaultZone], zones.Of(Get("kopia")));
        Assert.True(zones.CanReach(Get("cloudflared"), Get("seerr")));
        Assert.False(zones.CanReach(Get("cloudflared"), Get("sonarr")));
        Assert.False(zones.CanReach(Get("kopia"), Get("plex")));
        Assert.True(zones.CanReach(Get("sonarr"), Get("qbittorrent"))); // one namespace
        Assert.True(zones.CanReach(Get("seerr"), Get("radarr")));
    }

    [Fact]
    public void AReferenceAcrossZonesIsRefusedNamingTheNetworkToAdd()
    {
        var (builder, edge, internalZone) = Zoned();
        var api = App(builder, "api", 80).WithNetwork(internalZone);
        App(builder, "web", 8080).WithNetwork(edge).WithReference(api.GetEndpoint("http"));

        Assert.Equal(
            ["resource 'web': references 'api' but they share no network ('web' is on edge; 'api' is on internal); add .WithNetwork(internal) to 'web'"],
            builder.Problems());
    }

    [Fact]
    public void AWaitAcrossZonesIsRefusedAndAnAppBehindAVpnIsFixedOnItsGateway()
    {
        var (builder, edge, internalZone) = Zoned();
        var p = builder.AddParameter("p", "x", publishValueAsDefault: true);
        var host = builder.AddHost();
        var vpn = builder.AddGluetun("gluetun", host, p, builder.AddParameter("k", "x", secret: true), p).WithNetwork(internalZone);
        var web = App(builder, "web", 8080).WithNetwork(edge);
        builder.AddSonarr("sonarr", host).WithVpn(vpn).WaitFor(web);

        Assert.Contains("resource 'sonarr': waits for 'web' but they share no network ('sonarr' is on internal; 'web' is on edge); add .WithNetwork(edge) to 'gluetun'",
            builder.Problems());
    }

    [Fact]
    public void APublicHostnameTheTunnelCannotReachIsRefused()
    {
        var (builder, edge, internalZone) = Zoned();
        App(builder, "wiki", 3000).WithPublicHostname("wiki").WithNetwork(internalZone);
        builder.AddCloudflared("cloudflared", builder.AddParameter("domain", "example.com", publishValueAsDefault: true))
            .WithRemoteTunnel(builder.AddParameter("token", "t", secret: true)).WithNetwork(edge);

        Assert.Equal(
            ["resource 'wiki': has a public hostname but tunnel 'cloudflared' cannot reach it ('cloudflared' is on edge, 'wiki' on internal); add .WithNetwork(edge) to 'wiki'"],
            builder.Problems());
    }

    [Fact]
    public void AnAppUptimeKumaCannotReachIsRefusedUnlessItIsNotMonitored()
    {
        var (builder, edge, internalZone) = Zoned();
        var host = builder.AddHost();
        var kuma = builder.AddUptimeKuma("uptime-kuma", host).WithNetwork(edge);
        builder.AddAutoKuma("autokuma", host, kuma, builder.AddParameter("user", "admin", publishValueAsDefault: true), builder.AddParameter("pw", "x", secret: true)).WithNetwork(edge);
        App(builder, "api", 80).WithHealthPath("/health").WithNetwork(internalZone);
        App(builder, "batch", 81).WithHealthPath("/health").WithNetwork(internalZone).WithoutMonitoring("checked by its own job");

        Assert.Equal(
            ["resource 'api': gets an HTTP monitor but 'uptime-kuma' cannot reach it ('uptime-kuma' is on edge, 'api' on internal); add .WithNetwork(internal) to 'uptime-kuma', or .WithoutMonitoring(\"why\") to 'api'"],
            builder.Problems());
    }

    [Fact]
    public void WithoutNetworksEveryoneSharesTheDefaultNetwork()
    {
        var builder = TestAppBuilder.Create();
        var api = App(builder, "api", 80);
        App(builder, "web", 8080).WithReference(api.GetEndpoint("http"));

        Assert.Empty(builder.Problems());
    }
}
