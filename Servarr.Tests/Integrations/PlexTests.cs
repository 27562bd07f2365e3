using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Diagnostics;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>Plex advertises the direct LAN address first, then its public hostname; doctor says what the tunnel is not for.</summary>
public class PlexTests
{
    private static string AdvertisedUrls(AppHostRunner.Stack app)
    {
        var plex = app.Model.Containers.Single(c => c.Name == "plex");
        var env = EnvironmentEvaluator.Evaluate(plex, ServarrExecution.Publish).ToDictionary(e => e.Key, e => e.Value);
        return env["ADVERTISE_IP"].Render(v => $"{{{((ParameterResource)v).Name}}}");
    }

    [Fact]
    public async Task WithALanAddressLanClientsAreSentToPort32400FirstAndTheTunnelComesSecond()
    {
        var app = await AppHostRunner.BuildStackAsync(configuration: new Dictionary<string, string?> { ["Parameters:lan-address"] = "192.168.1.10" });

        Assert.Equal("http://{lan-address}:32400,https://plex.{domain}:443", AdvertisedUrls(app));
        Assert.DoesNotContain(app.Model.Containers.Single(c => c.Name == "plex").Annotations.OfType<ExposureWarningAnnotation>(),
            w => w.Warning.Contains("lan-address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutALanAddressOnlyThePublicUrlIsAdvertisedAndTheExposureReportWarnsOfBothThings()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var values = app.Values;
        var report = ExposureReport.Render(app.Model, p => p.Secret ? null : values.Resolve(p).Value);

        Assert.Equal("https://plex.{domain}:443", AdvertisedUrls(app));
        Assert.Contains("plex                 parameter 'lan-address' is empty, so Plex advertises only its public URLs", report);
        Assert.Contains("streaming video through it breaks Cloudflare's terms on non-Enterprise plans", report);
        Assert.Contains("host port 32400, plex.direct", report);
    }

    [Fact]
    public void PlexWithoutPublicHostnameOrLanAddressAdvertisesNothingAndGetsNoTunnelWarning()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var plex = builder.AddPlex("plex", host, builder.AddOptionalParameter("claim", secret: true))
            .WithAdvertisedUrls(builder.AddOptionalParameter("lan"), builder.AddParameter("domain", "example.com", publishValueAsDefault: true));

        builder.BuildModel();

        Assert.DoesNotContain(EnvironmentEvaluator.Evaluate(plex.Resource, builder.ExecutionContext), e => e.Key == "ADVERTISE_IP");
        Assert.DoesNotContain(plex.Resource.Annotations.OfType<ExposureWarningAnnotation>(), w => w.Warning.Contains("Cloudflare", StringComparison.Ordinal));
    }
}
