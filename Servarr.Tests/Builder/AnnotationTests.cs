using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

/// <summary>Annotations are immutable facts that refuse nonsense when they are made.</summary>
public class AnnotationTests
{
    [Fact]
    public void PortsOutOfRangeAreRefused()
    {
        // Aspire's EndpointAnnotation takes any number: the validator refuses it, before anything is written or started.
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 70000).WithEndpoint("http", e => e.Port = 0);

        Assert.Equal(
            ["resource 'app': endpoint 'http' has target port 70000, outside 1-65535; pass a port the app can listen on",
             "resource 'app': endpoint 'http' has host port 0, outside 1-65535; pass a port the app can listen on"],
            builder.Problems().Where(p => p.Contains("outside", StringComparison.Ordinal)));
    }

    [Fact]
    public void MountTargetsMustBeAbsolute() =>
        Assert.Contains("absolute path", Assert.Throws<ArgumentException>(() =>
            new ServarrMountAnnotation(ServarrExpressions.Literal("/srv"), "config", ContainerMountType.BindMount, false)).Message);

    [Fact]
    public void AnonymousVolumesAreRefused() =>
        Assert.Contains("anonymous volumes", Assert.Throws<ArgumentException>(() =>
            new ServarrMountAnnotation(ServarrExpressions.Literal(""), "/data", ContainerMountType.Volume, false)).Message);

    [Fact]
    public void AnImageNameWithATagIsSplitIntoImageAndTag()
    {
        // Aspire's ContainerImageAnnotation is a plain bag of properties; AddContainer splits "name:tag" itself.
        var builder = TestAppBuilder.Create();
        var image = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr:4.0.19").Resource.GetImage()!;

        Assert.Equal(("lscr.io/linuxserver/sonarr", "4.0.19"), (image.Image, image.Tag));
        Assert.Equal("lscr.io/linuxserver/sonarr:4.0.19", image.Reference);
    }

    [Fact]
    public void CapabilitiesAreNormalised() =>
        Assert.Equal("NET_ADMIN", new CapabilityAnnotation("cap_net_admin").Capability);

    [Fact]
    public void DevicesMustLiveUnderDev() =>
        Assert.Throws<ArgumentException>(() => new DeviceAnnotation("/tmp/tun"));

    [Fact]
    public void HealthPathsStartWithASlash() =>
        Assert.Throws<ArgumentException>(() => new HttpHealthCheckAnnotation("ping", "http"));

    [Fact]
    public void ApiKeysMustBeSecret() =>
        Assert.Throws<ArgumentException>(() => new ApiKeyAnnotation(new ParameterResource("key", _ => "", secret: false)));

    [Fact]
    public void ExpressionsMergeAdjacentTextAndKeepHoles()
    {
        var root = new ParameterResource("config-root", _ => "/srv/servarr/config", secret: false);

        var expression = ServarrExpressions.FromParts([root, "/", "sonarr", ""]);

        Assert.Equal([root, "/sonarr"], expression.Parts);
        Assert.Equal("<config-root>/sonarr", expression.Render(v => $"<{((ParameterResource)v).Name}>"));
    }
}
