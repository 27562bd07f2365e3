using Servarr.Hosting.ApplicationModel;

namespace Servarr.Tests.Builder;

/// <summary>Annotations are immutable facts that refuse nonsense when they are made.</summary>
public class AnnotationTests
{
    [Fact]
    public void PortsOutOfRangeAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EndpointAnnotation("http", "http", EndpointProtocol.Tcp, 70000));

    [Fact]
    public void MountTargetsMustBeAbsolute() =>
        Assert.Contains("absolute path", Assert.Throws<ArgumentException>(() =>
            new ContainerMountAnnotation(ReferenceExpression.Literal("/srv"), "config", ContainerMountType.BindMount, false)).Message);

    [Fact]
    public void AnonymousVolumesAreRefused() =>
        Assert.Contains("anonymous volumes", Assert.Throws<ArgumentException>(() =>
            new ContainerMountAnnotation(ReferenceExpression.Literal(""), "/data", ContainerMountType.Volume, false)).Message);

    [Fact]
    public void ImageNamesMustNotCarryATag() =>
        Assert.Throws<ArgumentException>(() => new ContainerImageAnnotation("linuxserver/sonarr:latest"));

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
        Assert.Throws<ArgumentException>(() => new ApiKeyAnnotation(new ParameterResource("key", secret: false, null)));

    [Fact]
    public void ExpressionsMergeAdjacentTextAndKeepHoles()
    {
        var root = new ParameterResource("config-root", false, null);

        var expression = ReferenceExpression.FromParts([root, "/", "sonarr", ""]);

        Assert.Equal([root, "/sonarr"], expression.Parts);
        Assert.Equal("<config-root>/sonarr", expression.Render(v => $"<{((ParameterResource)v).Name}>"));
    }
}
