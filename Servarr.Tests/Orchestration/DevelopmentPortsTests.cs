using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>127.0.0.1 ports for development: the app's own port when free, kept for adopted containers, random for tests.</summary>
public class DevelopmentPortsTests
{
    private static DistributedApplicationModel Model()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var host = builder.AddHost();
        var vpn = builder.AddGluetun("gluetun", host, builder.AddParameter("p", defaultValue: "x"), builder.AddParameter("k", defaultValue: "x"),
            builder.AddParameter("a", defaultValue: "x"));
        builder.AddSonarr("sonarr", host).WithVpn(vpn);
        builder.AddPlex("plex", host, builder.AddParameter("claim", defaultValue: ""));
        return builder.Build().Model;
    }

    [Fact]
    public void EachAppGetsItsOwnPortWhenFreeAndAnotherWhenNot()
    {
        var ports = DevelopmentPorts.Assign(Model(), isFree: port => port != 8989);

        Assert.Equal(8000, ports[("gluetun", "control")]);
        Assert.NotEqual(8989, ports[("sonarr", "http")]);
        Assert.False(ports.ContainsKey(("plex", "http")), "Plex publishes its own host port");
    }

    [Fact]
    public void PortsThatAnAdoptedContainerHoldsAreKept()
    {
        var held = new Dictionary<(string, int), int> { [("gluetun", 8989)] = 41234 };

        var ports = DevelopmentPorts.Assign(Model(), isFree: _ => false, held: held);

        Assert.Equal(41234, ports[("sonarr", "http")]);
    }
}
