using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>The tunnel waits for every app it publishes that shows a setup wizard until Servarr sets it up.</summary>
public class CloudflaredSetupWizardTests
{
    private static IReadOnlyList<string> Problems(bool waits)
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("seerr", "ghcr.io/seerr-team/seerr", "v3.4.1").WithHttpEndpoint(targetPort: 5055, name: "http")
            .WithPublicHostname("requests").WithAnnotation(new SetupWizardAnnotation("/setup"));
        var tunnel = builder.AddCloudflared("cloudflared", builder.AddParameter("domain", "example.org", publishValueAsDefault: true))
            .WithRemoteTunnel(builder.AddParameter("tunnel-token", secret: true));
        if (waits)
        {
            tunnel.WaitFor(app);
        }

        return builder.Problems();
    }

    [Fact]
    public void ATunnelThatDoesNotWaitForAnAppWithASetupWizardIsRefusedWithTheFix()
    {
        Assert.Contains("resource 'cloudflared': routes public hostname 'requests' to 'seerr' before Servarr has set it up, so its setup wizard (/setup) would be open to the internet; add .WaitFor(seerr) to the tunnel",
            Problems(waits: false));
        Assert.DoesNotContain(Problems(waits: true), p => p.Contains("setup wizard", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("setup")]
    [InlineData(" ")]
    public void AWizardPathMustBeAnAbsolutePath(string path) =>
        Assert.ThrowsAny<ArgumentException>(() => new SetupWizardAnnotation(path));
}
