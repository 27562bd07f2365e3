using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Vpn;
using Xunit;

namespace Servarr.Tests.Orchestration;

/// <summary>How a VPN app's endpoints are published by its gateway and resolved: localhost inside the namespace, the gateway outside.</summary>
public sealed class VpnEndpointTests
{
    [Fact]
    public void Mirror_endpoint_is_named_app_dash_endpoint() =>
        Assert.Equal("qbittorrent-torrent-udp", VpnNames.MirrorEndpointName("qbittorrent", "torrent-udp"));

    [Fact]
    public async Task Gateway_publishes_each_app_endpoint_and_the_app_gets_them_back_allocated_to_the_gateway()
    {
        using var tmp = new TempDirectory();
        var builder = VpnContainerMappingTests.RunModeBuilder(tmp);
        var (gluetun, qbittorrent) = Stack(builder, tmp);
        await using var app = builder.Build();

        var stash = VpnEndpoints.Stash(qbittorrent.Resource, gluetun.Resource);

        Assert.Empty(qbittorrent.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Empty(qbittorrent.Resource.Annotations.OfType<ContainerImageAnnotation>()); // Aspire's orchestrator skips it
        var mirrors = gluetun.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Name.StartsWith("qbittorrent-", StringComparison.Ordinal))
            .ToDictionary(e => e.Name);
        // UDP is not mirrored: two mirrors of port 6881 (tcp and udp) made Aspire's orchestrator stop watching endpoints.
        Assert.Equal(["qbittorrent-http", "qbittorrent-torrent"], mirrors.Keys.Order());
        Assert.Equal((8080, ProtocolType.Tcp), (mirrors["qbittorrent-http"].TargetPort, mirrors["qbittorrent-http"].Protocol));
        Assert.Equal((6881, ProtocolType.Tcp), (mirrors["qbittorrent-torrent"].TargetPort, mirrors["qbittorrent-torrent"].Protocol));
        Assert.Contains(gluetun.Resource.Annotations.OfType<ContainerNetworkAliasAnnotation>(), a => a.Alias == "qbittorrent");

        var port = 40000;
        foreach (var mirror in mirrors.Values)
        {
            mirror.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(KnownNetworkIdentifiers.LocalhostNetwork,
                new AllocatedEndpoint(mirror, "localhost", port++, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.LocalhostNetwork));
        }

        await VpnEndpoints.RestoreAsync(qbittorrent.Resource, stash, gluetun.Resource, CancellationToken.None);

        var http = qbittorrent.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
        Assert.Equal(("localhost", 40000), (http.AllocatedEndpoint!.Address, http.AllocatedEndpoint.Port));
        var inNetwork = await http.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.DefaultAspireContainerNetwork, CancellationToken.None);
        Assert.Equal(("gluetun", 8080), (inNetwork.Address, inNetwork.Port)); // what compose writes: http://gluetun:8080
        Assert.Contains(qbittorrent.Resource.Annotations.OfType<ContainerImageAnnotation>(), i => ReferenceEquals(i, stash.Image));
        var udp = qbittorrent.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "torrent-udp");
        var udpInNetwork = await udp.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.DefaultAspireContainerNetwork, CancellationToken.None);
        Assert.Equal(("gluetun", 6881), (udpInNetwork.Address, udpInNetwork.Port));
    }

    [Fact]
    public void Apps_of_one_namespace_meet_at_localhost_others_at_the_gateway()
    {
        using var tmp = new TempDirectory();
        var builder = VpnContainerMappingTests.RunModeBuilder(tmp);
        var (gluetun, qbittorrent) = Stack(builder, tmp);
        var sonarr = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4.0").WithHttpEndpoint(targetPort: 8989).WithVpn(gluetun);
        var seerr = builder.AddContainer("seerr", "ghcr.io/seerr-team/seerr", "v3").WithHttpEndpoint(targetPort: 5055);

        Assert.Equal("http://localhost:8080", InNetworkAddress.Render(qbittorrent.GetEndpoint("http").Property(EndpointProperty.Url), sonarr.Resource));
        Assert.Equal("http://localhost:8000", InNetworkAddress.Render(gluetun.GetEndpoint("control").Property(EndpointProperty.Url), sonarr.Resource));
        Assert.Equal("http://gluetun:8989", InNetworkAddress.Render(sonarr.GetEndpoint("http").Property(EndpointProperty.Url), seerr.Resource));
        Assert.Equal("seerr:5055", InNetworkAddress.Render(seerr.GetEndpoint("http").Property(EndpointProperty.HostAndPort), sonarr.Resource));
    }

    [Fact]
    public async Task Vpn_app_environment_names_its_namespace_neighbours_at_localhost_and_others_as_aspire_resolves_them()
    {
        using var tmp = new TempDirectory();
        var builder = VpnContainerMappingTests.RunModeBuilder(tmp);
        var (gluetun, qbittorrent) = Stack(builder, tmp);
        var plex = builder.AddContainer("plex", "plexinc/pms-docker", "1.43").WithHttpEndpoint(targetPort: 32400);
        var sonarr = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4.0").WithHttpEndpoint(targetPort: 8989).WithVpn(gluetun)
            .WithEnvironment("QBITTORRENT_URL", qbittorrent.GetEndpoint("http"))
            .WithEnvironment("QBITTORRENT_API", ReferenceExpression.Create($"{qbittorrent.GetEndpoint("http").Property(EndpointProperty.HostAndPort)}/api/v2"))
            .WithEnvironment("PLEX_URL", plex.GetEndpoint("http"))
            .WithEnvironment("TZ", "Etc/UTC");
        await using var app = builder.Build();
        var plexHttp = plex.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        plexHttp.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
            new AllocatedEndpoint(plexHttp, "plex", 32400, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.DefaultAspireContainerNetwork));

        var environment = await VpnEnvironment.ResolveAsync(sonarr.Resource, builder.ExecutionContext, CancellationToken.None);

        Assert.Equal("http://localhost:8080", environment["QBITTORRENT_URL"]);
        Assert.Equal("localhost:8080/api/v2", environment["QBITTORRENT_API"]);
        Assert.Equal("http://plex:32400", environment["PLEX_URL"]);
        Assert.Equal("Etc/UTC", environment["TZ"]);
    }

    private static (IResourceBuilder<GluetunResource> Gluetun, IResourceBuilder<QBittorrentResource> QBittorrent) Stack(IDistributedApplicationBuilder builder, TempDirectory tmp)
    {
        var host = VpnContainerMappingTests.Host(builder, tmp);
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("vpn-provider", "custom"),
            builder.AddParameter("wireguard-private-key", "x", secret: true), builder.AddParameter("wireguard-addresses", "10.0.0.2/32"));
        return (gluetun, builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun));
    }
}
