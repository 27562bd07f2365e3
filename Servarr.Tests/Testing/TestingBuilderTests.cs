using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Testing;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Testing;

/// <summary>
/// The testing builder on the real engine: the real Program.cs with stand-in images and random ports comes up
/// healthy, resources answer over HTTP from the test, the VPN apps answer at gluetun:&lt;port&gt; from another
/// container, Kopia cannot write what it backs up, a killed container is restarted by its policy and the state change
/// is seen, and disposing removes every container.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class TestingBuilderTests
{
    private static readonly Assembly s_appHost = Assembly.Load("Servarr.AppHost");

    [DockerFact(needsStandIns: true)]
    public async Task TheDefaultStackStartsWithRandomPortsAnswersOverHttpAndAKilledContainerIsRestarted()
    {
        DockerEngine.RequireAvailable();
        using var timeout = new CancellationTokenSource(StandInStack.HealthyWithin);
        using var temp = new TempDirectory();
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync(s_appHost, configuration: StackParameters.ForRun(temp), cancellationToken: timeout.Token);
        var names = StandInStack.Prepare(appHost.Model);
        appHost.WithParameter("tz", "Europe/Amsterdam");

        await using (var app = await appHost.BuildAsync(timeout.Token))
        {
            var changes = new ConcurrentQueue<ResourceSnapshot>();
            app.Session.State.Changed += changes.Enqueue;
            await app.StartAsync(timeout.Token);
            await Task.WhenAll(names.Select(n => app.WaitForResourceHealthyAsync(n, timeout.Token)));

            using (var sonarr = app.CreateHttpClient("sonarr"))
            {
                Assert.Equal(HttpStatusCode.OK, (await sonarr.GetAsync(new Uri("/ping", UriKind.Relative), timeout.Token)).StatusCode);
            }

            using (var plex = app.CreateHttpClient("plex"))
            {
                Assert.NotEqual(32400, plex.BaseAddress!.Port);
                Assert.Equal(HttpStatusCode.OK, (await plex.GetAsync(new Uri("/identity", UriKind.Relative), timeout.Token)).StatusCode);
            }

            StandInStack.AssertVpnAppsAreReachedThroughGluetun();
            StandInStack.AssertKopiaMountsAreReadOnly();
            StandInStack.AssertZonesSeparateTheTunnelFromInternalApps();
            Assert.Equal("servarr-test-edge servarr-test-internal", StandInStack.Inspect("seerr", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}"));
            Assert.Contains("TZ=Europe/Amsterdam", StandInStack.Inspect("tautulli", "{{json .Config.Env}}"));
            Assert.Equal("servarr-test", StandInStack.Inspect("tautulli", $"{{{{index .Config.Labels \"{ServarrLabels.App}\"}}}}"));

            // A crash: the container's main process is killed from the host, Docker restarts it (policy "always").
            var pid = StandInStack.Inspect("tautulli", "{{.State.Pid}}");
            changes.Clear();
            Assert.Equal(0, DockerEngine.Run("kill", ["-9", pid], TimeSpan.FromSeconds(10)).ExitCode);
            var back = await app.WaitForResourceAsync("tautulli", s => s.Restarts >= 1 && s.IsHealthy, timeout.Token);
            Assert.Equal(1, back.Restarts);
            // The restart is seen as a change; Docker may restart it faster than one observation, so "unhealthy" may be skipped.
            Assert.Contains(changes, s => s.Name == "tautulli" && (!s.IsHealthy || s.Restarts == 1));
            Assert.Equal(ResourceState.Running, app.GetResource("sonarr").State);
        }

        var left = DockerEngine.Run("docker", ["ps", "-a", "-q", "--filter", $"label={ServarrLabels.App}=servarr-test"], TimeSpan.FromSeconds(20));
        Assert.Equal("", left.StandardOutput.Trim());
    }
}
