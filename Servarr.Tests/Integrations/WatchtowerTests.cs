using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>Watchtower updates only what opted in with WithAutoUpdate(), and never an image pinned by digest.</summary>
public class WatchtowerTests
{
    private static string? Label(IResource resource, string key) =>
        resource.Annotations.OfType<ContainerLabelAnnotation>().LastOrDefault(l => l.Key == key)?.Value.Render(_ => "");

    [Fact]
    public async Task WatchtowerRunsInLabelEnableModeOnAScheduleAndCleansUp()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var watchtower = app.Model.Containers.Single(c => c is WatchtowerResource);
        var env = EnvironmentEvaluator.Evaluate(watchtower, ServarrExecution.Publish).ToDictionary(e => e.Key, e => e.Value.Render(_ => "?"));

        Assert.Equal("true", env["WATCHTOWER_LABEL_ENABLE"]);
        Assert.Equal("true", env["WATCHTOWER_CLEANUP"]);
        Assert.Equal("0 0 4 * * *", env["WATCHTOWER_SCHEDULE"]);
        Assert.True(watchtower.GetMounts().Single(m => m.Target == "/var/run/docker.sock").IsReadOnly);
    }

    [Fact]
    public async Task ExactlyTheOptedInAppsCarryTheEnableLabel()
    {
        var app = await AppHostRunner.BuildStackAsync();

        var labelled = app.Model.Containers.Where(c => Label(c, AutoUpdateAnnotation.EnableLabel) == "true").Select(c => c.Name).Order().ToList();
        var optedIn = app.Model.Containers.Where(c => c.Annotations.OfType<AutoUpdateAnnotation>().Any()).Select(c => c.Name).Order().ToList();

        Assert.Equal(optedIn, labelled);
        Assert.Equal(["maintainerr", "prowlarr", "qbittorrent", "radarr", "seerr", "sonarr", "tautulli", "uptime-kuma", "wizarr"], labelled);
        Assert.DoesNotContain(app.Model.Containers, c => labelled.Contains(c.Name) && c.GetImage()!.Reference.Contains('@'));
    }

    [Fact]
    public void WithAutoUpdateAddsTheLabelOnce()
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WithAutoUpdate().WithAutoUpdate();

        Assert.Single(app.Resource.Annotations.OfType<AutoUpdateAnnotation>());
        Assert.Equal("true", Assert.Single(app.Resource.Annotations.OfType<ContainerLabelAnnotation>(), l => l.Key == "com.centurylinklabs.watchtower.enable").Value.Render(_ => ""));
        Assert.Null(Label(builder.AddContainer("other", "docker.io/library/other", "1.0").Resource, AutoUpdateAnnotation.EnableLabel));
    }
}
