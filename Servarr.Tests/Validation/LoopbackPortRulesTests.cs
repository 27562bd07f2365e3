using Servarr.Hosting;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Validation;

/// <summary>Admin ports on 127.0.0.1: one host port each, on an endpoint the resource has.</summary>
public class LoopbackPortRulesTests
{
    [Fact]
    public void TwoAdminUisOnOneLoopbackPortAreRefusedWithTheFix()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1.6.0-ls360").WithHttpEndpoint(targetPort: 6767).WithLoopbackPort(hostPort: 8080);
        builder.AddContainer("other", "lscr.io/linuxserver/other", "1.0-ls1").WithHttpEndpoint(targetPort: 8080).WithLoopbackPort();

        var problems = builder.Problems();

        Assert.Contains("resource 'other': its loopback port 127.0.0.1:8080 is taken by 'bazarr'; give one of them another port with .WithLoopbackPort(hostPort: ...)", problems);
    }

    [Fact]
    public void CallingItAgainReplacesThePort()
    {
        var builder = TestAppBuilder.Create();
        var bazarr = builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1.6.0-ls360").WithHttpEndpoint(targetPort: 6767)
            .WithLoopbackPort().WithLoopbackPort(hostPort: 16767);

        Assert.Equal(16767, Assert.Single(bazarr.Resource.Annotations.OfType<Servarr.Hosting.ApplicationModel.LoopbackPortAnnotation>()).HostPort);
    }
}
