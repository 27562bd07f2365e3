using System.Net;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Tests.Orchestration;

/// <summary>Where the dashboard container reaches the AppHost: the bridge's gateway, also when the engine does not say it.</summary>
public class HostGatewayTests
{
    [Fact]
    public void TheEnginesGatewayWins() =>
        Assert.Equal(IPAddress.Parse("172.18.0.1"), HostGateway.Resolve("172.18.0.1", "172.17.0.0/16", [IPAddress.Parse("172.17.0.1")]));

    [Fact]
    public void WithoutAGatewayTheBridgeInterfaceAddressInsideTheSubnetIsUsed() =>
        Assert.Equal(IPAddress.Parse("172.17.0.9"),
            HostGateway.Resolve(null, "172.17.0.0/16", [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("172.17.0.9")]));

    [Fact]
    public void WithoutGatewayOrInterfaceTheSubnetsFirstHostIsUsed() =>
        Assert.Equal(IPAddress.Parse("172.17.0.1"), HostGateway.Resolve("", "172.17.0.0/16", []));

    [Fact]
    public void NothingKnownGivesNothing() => Assert.Null(HostGateway.Resolve(null, null, []));

    [Fact]
    public void ThisMachinesLoopbackInterfaceHasItsAddress() =>
        Assert.Contains(IPAddress.Loopback, HostGateway.InterfaceAddresses("lo"));
}
