using Microsoft.Extensions.Diagnostics.HealthChecks;
using Servarr.Hosting.Configuration;
using Servarr.Hosting.Orchestration.Configuration;

namespace Servarr.Tests.Orchestration.Configuration;

/// <summary>An app's "configuration" health check: configuring until a pass, then healthy listing every item, or unhealthy with what failed.</summary>
public class ConfigurationStateTests
{
    [Fact]
    public void TheHealthNamesTheItemsOrWhatFailed()
    {
        var state = new ConfigurationState();
        Assert.Equal((HealthStatus.Unhealthy, "configuring: waiting for the app, then applying its configuration"),
            (state.Health("sonarr").Status, state.Health("sonarr").Description));

        state.Record(new ConfigurationReport("sonarr", [new("download client 'qbittorrent'", ConfigurationOutcome.Applied, "missing"),
            new("root folder '/data/media/tv'", ConfigurationOutcome.AsModelled, null)]));
        Assert.Equal((HealthStatus.Healthy, "as modelled: download client 'qbittorrent', root folder '/data/media/tv'"),
            (state.Health("sonarr").Status, state.Health("sonarr").Description));

        state.Record(new ConfigurationReport("sonarr", [new("root folder '/data/media/tv'", ConfigurationOutcome.Failed, "POST /api/v3/rootfolder: 400 Path: Folder '/data/media/tv' does not exist")]));
        Assert.Equal((HealthStatus.Unhealthy, "root folder '/data/media/tv': failed: POST /api/v3/rootfolder: 400 Path: Folder '/data/media/tv' does not exist"),
            (state.Health("sonarr").Status, state.Health("sonarr").Description));
    }

    [Fact]
    public void WaitingKeepsAnAppHealthyUnlessItShowsASetupWizard()
    {
        var state = new ConfigurationState();
        state.HasSetupWizard("seerr");
        ConfigurationResult waiting = new("library section 'Movies'", ConfigurationOutcome.Waiting, "needs the token of Plex 'plex'");

        state.Record(new ConfigurationReport("plex", [waiting]));
        state.Record(new ConfigurationReport("seerr", [waiting with { Item = "admin user" }]));

        Assert.Equal((HealthStatus.Healthy, "library section 'Movies': waiting (needs the token of Plex 'plex')"), (state.Health("plex").Status, state.Health("plex").Description));
        Assert.Equal((HealthStatus.Unhealthy, "admin user: waiting (needs the token of Plex 'plex'); its setup wizard stays closed to the tunnel until then"),
            (state.Health("seerr").Status, state.Health("seerr").Description));

        state.Record(new ConfigurationReport("plex", [waiting, new("library section 'TV Shows'", ConfigurationOutcome.Failed, "GET /library/sections: 500")]));
        Assert.Equal(HealthStatus.Unhealthy, state.Health("plex").Status);
    }

    [Fact]
    public void AnAppWhoseWizardIsClosedIsHealthyWhileItsOtherItemsWait()
    {
        var state = new ConfigurationState();
        state.HasSetupWizard("wizarr");
        ConfigurationResult admin = new("admin account 'wizarr-username'", ConfigurationOutcome.AsModelled, null) { EndsSetupWizard = true };
        ConfigurationResult plex = new("media server 'plex'", ConfigurationOutcome.Waiting, "needs the token of Plex 'plex'");

        state.Record(new ConfigurationReport("wizarr", [admin, plex]));
        Assert.Equal((HealthStatus.Healthy, "media server 'plex': waiting (needs the token of Plex 'plex')"), (state.Health("wizarr").Status, state.Health("wizarr").Description));

        state.Record(new ConfigurationReport("wizarr", [admin with { Outcome = ConfigurationOutcome.Waiting, Detail = "no answer yet" }, plex]));
        Assert.Equal(HealthStatus.Unhealthy, state.Health("wizarr").Status);
    }
}
