using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>Seerr in the default stack: a setup wizard the tunnel waits for, and configuration items from its references.</summary>
public class SeerrTests
{
    [Fact]
    public async Task TheDefaultStacksSeerrShowsASetupWizardUntilConfiguredAndTheTunnelWaitsForIt()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var seerr = model.Containers.Single(c => c.Name == "seerr");

        Assert.Equal("/setup", Assert.Single(seerr.Annotations.OfType<SetupWizardAnnotation>()).Path);
        Assert.Single(seerr.Annotations.OfType<AppConfigurationAnnotation>());
        Assert.Contains(model.Containers.Single(c => c.Name == "cloudflared").Annotations.OfType<WaitAnnotation>(), w => w.Resource == seerr);
    }

    [Fact]
    public async Task TheDefaultStacksSeerrIsConfiguredInTheWizardsOrderReachingSonarrAndRadarrThroughGluetun()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var seerr = model.Containers.Single(c => c.Name == "seerr");
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5055/") };
        var context = new AppConfigurationContext(seerr, model, http, (_, _) => ValueTask.FromResult<string?>(null));

        var items = seerr.Annotations.OfType<AppConfigurationAnnotation>().Single().Items(context);

        Assert.Equal(["admin user 'plex'", "plex server 'plex'", "plex libraries 'plex'", "sonarr server 'sonarr'", "radarr server 'radarr'",
            "tautulli 'tautulli'", "setup 'initialized'"], items.Select(i => i.ToString()));
    }

    [Fact]
    public void AQualityProfileWithoutANameIsRefusedAtTheCallAndTheDefaultIsOneSonarrAndRadarrCreate()
    {
        var builder = TestAppBuilder.Create();
        var seerr = builder.AddSeerr("seerr", builder.AddHost());

        seerr.WithQualityProfile(" ");

        Assert.Contains(seerr.Resource.Annotations.OfType<InvalidInputAnnotation>(), a => a.Call == ".WithQualityProfile(\" \")");
        Assert.Empty(seerr.Resource.Annotations.OfType<QualityProfileAnnotation>());
        Assert.Equal("HD-1080p", SeerrConfiguration.DefaultQualityProfile);
        Assert.Equal("Ultra-HD", seerr.WithQualityProfile("HD-1080p").WithQualityProfile("Ultra-HD").Resource.Annotations.OfType<QualityProfileAnnotation>().Single().Name);
    }
}
