using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>Plex advertises the direct LAN address first, then its public hostname; doctor says what the tunnel is not for.</summary>
public class PlexTests
{
    private static string AdvertisedUrls(DistributedApplication app)
    {
        var plex = app.Model.Containers.Single(c => c.Name == "plex");
        var env = EnvironmentEvaluator.Evaluate(plex, app.Builder.ExecutionContext).ToDictionary(e => e.Key, e => e.Value);
        return env["ADVERTISE_IP"].Render(v => $"{{{((ParameterResource)v).Name}}}");
    }

    [Fact]
    public async Task WithALanAddressLanClientsAreSentToPort32400FirstAndTheTunnelComesSecond()
    {
        var app = await AppHostRunner.BuildDefaultStackAsync(new Dictionary<string, string?> { ["Parameters:lan-address"] = "192.168.1.10" });

        Assert.Equal("http://{lan-address}:32400,https://plex.{domain}:443", AdvertisedUrls(app));
        Assert.DoesNotContain(app.Model.Containers.Single(c => c.Name == "plex").Annotations.OfType<ExposureWarningAnnotation>(),
            w => w.Warning.Contains("lan-address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutALanAddressOnlyThePublicUrlIsAdvertisedAndDoctorWarnsOfBothThings()
    {
        var app = await AppHostRunner.BuildDefaultStackAsync();
        var doctor = await AppHostRunner.RunAsync(["doctor"]);

        Assert.Equal("https://plex.{domain}:443", AdvertisedUrls(app));
        Assert.Contains("plex                 parameter 'lan-address' is empty, so Plex advertises only its public URLs", doctor.Output);
        Assert.Contains("streaming video through it breaks Cloudflare's terms on non-Enterprise plans", doctor.Output);
        Assert.Contains("host port 32400, plex.direct", doctor.Output);
    }

    [Fact]
    public void PlexWithoutPublicHostnameOrLanAddressAdvertisesNothingAndGetsNoTunnelWarning()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var plex = builder.AddPlex("plex", host, builder.AddParameter("claim", secret: true, defaultValue: ""))
            .WithAdvertisedUrls(builder.AddParameter("lan", defaultValue: ""), builder.AddParameter("domain", defaultValue: "example.com"));

        builder.Build();

        Assert.DoesNotContain(EnvironmentEvaluator.Evaluate(plex.Resource, builder.ExecutionContext), e => e.Key == "ADVERTISE_IP");
        Assert.DoesNotContain(plex.Resource.Annotations.OfType<ExposureWarningAnnotation>(), w => w.Warning.Contains("Cloudflare", StringComparison.Ordinal));
    }
}
