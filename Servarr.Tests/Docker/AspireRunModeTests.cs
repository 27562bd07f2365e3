using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.ArrApi;
using Servarr.Tests.TestSupport.SeerrApi;

namespace Servarr.Tests.Docker;

/// <summary>
/// The real Program.cs on Aspire's orchestrator (Aspire.Hosting.Testing), on the real engine with stand-in images: every
/// resource turns healthy, the VPN apps live in gluetun's namespace and start after it is healthy, Kopia reads the config
/// folders read-only, every port is on 127.0.0.1 but Plex's 32400 (on every interface, as compose publishes it), config folders get their owner, a crashed app is restarted, and
/// stopping the AppHost removes every container it started.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class AspireRunModeTests
{
    private static readonly string[] s_vpnApps = ["qbittorrent", "prowlarr", "sonarr", "radarr"];

    [DockerFact(needsStandIns: true)]
    public async Task TheStackRunsOnAspireAndStoppingRemovesIt()
    {
        DockerEngine.RequireAvailable();
        using var temp = new TempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        // The stand-ins answer /ping, not the *arr APIs: each app's configuration goes to a fake of its API (which validates
        // every body against the app's OpenAPI document) through the test hook; everything else about it is real.
        await using var fakes = await ArrFakes.StartAsync(timeout.Token);
        // Plex's sections go to a fake of its section API, which accepts the token Plex's claim writes (below).
        await using var plexApi = await TestSupport.Plex.FakePlexApi.StartAsync(SeerrRunFake.PlexToken, timeout.Token);
        await using var seerrFake = await SeerrRunFake.StartAsync(timeout.Token);
        await using var aroundPlex = await AroundPlexRunFakes.StartAsync(timeout.Token);
        var configuration = StackParameters.ForRun(temp);
        // Wizarr and Uptime Kuma show a setup wizard until configured, so they (and the tunnel that waits for them) are
        // healthy only once their configuration, sent to fakes of their forms and socket.io, succeeded.
        await using var wizards = await SetupWizardFakes.StartAsync(timeout.Token);
        foreach (var (key, value) in fakes.Configuration.Concat(seerrFake.Configuration).Concat(aroundPlex.Configuration).Concat(wizards.Configuration))
        {
            configuration[key] = value;
        }

        // No plex-token: Plex's sections (and Seerr's admin) wait — Plex stays healthy — until its Preferences.xml has a
        // PlexOnlineToken, as after a claim.
        configuration["Servarr:Testing:ConfigurationUrl:plex"] = plexApi.BaseAddress.ToString();
        configuration["Servarr:Configuration:WaitingRetrySeconds"] = "1";

        await using (var app = await AppHostRunner.BuildForRunAsync(configuration, timeout.Token))
        {
            var containers = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ContainerResource>().ToList();
            var names = containers.Select(c => c.Name).ToList();
            StandInStack.BuildImages(containers.Select(c => c.GetImage()!.Reference).ToList());
            // Aspire's StartAsync returns once every resource was started, the tunnel too — which waits for Seerr, which
            // waits for Plex's token: claim Plex meanwhile.
            var starting = app.StartAsync(timeout.Token);
            await ClaimPlexWhileItWaitsAsync(app, temp, timeout.Token);
            await starting;
            foreach (var name in names)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
            }

            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var name in names)
            {
                ids[name] = ContainerId(notifications, name);
            }

            await ArrFakes.AssertConfiguredAsync(fakes, app, timeout.Token);
            Assert.Equal([("Movies", "/data/media/movies"), ("TV Shows", "/data/media/tv")], plexApi.Sections.Select(s => (s.Title, Assert.Single(s.Locations))));
            seerrFake.AssertConfigured(app);
            aroundPlex.AssertConfigured(app);
            wizards.AssertConfigured();

            foreach (var vpnApp in s_vpnApps)
            {
                Assert.Equal($"container:{ids["gluetun"]}", Inspect(ids[vpnApp], "{{.HostConfig.NetworkMode}}"));
                Assert.True(Started(ids[vpnApp]) > Started(ids["gluetun"]), $"{vpnApp} started before gluetun");
            }

            AssertPortsAreOnLoopback(ids);
            Assert.Contains("32400/tcp", Inspect(ids["plex"], "{{json .HostConfig.PortBindings}}"));
            AssertKopiaMountsAreReadOnly(ids["kopia"]);
            Assert.Equal("1000:1000", DockerEngine.Run("stat", ["-c", "%u:%g", temp.Combine("config", "seerr")], TimeSpan.FromSeconds(10)).StandardOutput.Trim());

            // A crash: the app's process ends; Docker's restart policy (compose's `restart:`) brings it back and Aspire sees it healthy again.
            Assert.Equal(0, DockerEngine.Run("docker", ["exec", ids["seerr"], "kill", "-TERM", "1"], TimeSpan.FromSeconds(20)).ExitCode);
            await WaitUntilAsync(() => int.Parse(Inspect(ids["seerr"], "{{.RestartCount}}"), System.Globalization.CultureInfo.InvariantCulture) >= 1, timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("seerr", timeout.Token);

            // The dashboard's restore command, through Aspire's command service: this stack's Kopia (R2, stand-in) has no
            // repository to list, so it refuses in one line before touching the app, and the app keeps running.
            var restore = await app.ResourceCommands.ExecuteCommandAsync("seerr", "servarr-restore-config", timeout.Token);
            Assert.False(restore.Success);
            Assert.StartsWith("restore of 'seerr': listing its backups with 'kopia' failed", restore.Message);
            Assert.DoesNotContain('\n', restore.Message!);
            Assert.Equal("true", Inspect(ids["seerr"], "{{.State.Running}}"));

            await app.StopAsync(timeout.Token);
        }

        // Aspire's orchestrator removes its containers shortly after the AppHost stops; Servarr removes the VPN apps itself.
        await WaitUntilAsync(() => ids.Values.All(id => DockerEngine.Run("docker", ["inspect", id], TimeSpan.FromSeconds(20)).ExitCode != 0), timeout.Token);
    }

    /// <summary>
    /// Plex is healthy while its sections wait for the token; once its Preferences.xml has one (what claiming the server
    /// writes), the next look applies them.
    /// </summary>
    private static async Task ClaimPlexWhileItWaitsAsync(DistributedApplication app, TempDirectory temp, CancellationToken cancellationToken)
    {
        var waiting = await app.ResourceNotifications.WaitForResourceAsync("plex", e => e.Snapshot.HealthReports.Any(h => h.Name == "servarr-plex-configuration"
            && h.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy), cancellationToken);
        Assert.StartsWith("library section 'Movies': waiting (needs the token of Plex 'plex', which is not claimed (",
            waiting.Snapshot.HealthReports.Single(h => h.Name == "servarr-plex-configuration").Description);
        SeerrRunFake.ClaimPlex(temp.Combine("config"));
        await app.ResourceNotifications.WaitForResourceAsync("plex", e => e.Snapshot.HealthReports.Any(h => h.Name == "servarr-plex-configuration"
            && h.Description == "as modelled: library section 'Movies', library section 'TV Shows'"), cancellationToken);
    }

    private static string ContainerId(ResourceNotificationService notifications, string name) =>
        notifications.TryGetCurrentState(name, out var current)
        && current.Snapshot.Properties.FirstOrDefault(p => p.Name == "container.id")?.Value is string { Length: > 0 } id
            ? id : throw new InvalidOperationException($"resource '{name}' has no container id");

    private static void AssertPortsAreOnLoopback(IReadOnlyDictionary<string, string> ids)
    {
        foreach (var (name, id) in ids)
        {
            using var bindings = JsonDocument.Parse(Inspect(id, "{{json .HostConfig.PortBindings}}") is { Length: > 0 } json && json != "null" ? json : "{}");
            foreach (var port in bindings.RootElement.EnumerateObject())
            {
                foreach (var binding in port.Value.EnumerateArray())
                {
                    var (hostIp, hostPort) = (binding.GetProperty("HostIp").GetString(), binding.GetProperty("HostPort").GetString());
                    if (name == "plex" && port.Name == "32400/tcp")
                    {
                        // The one host port of the stack, for LAN and plex.direct clients: every interface, port 32400 itself.
                        Assert.True(hostIp is "" or "0.0.0.0" && hostPort == "32400", $"plex 32400/tcp is published on '{hostIp}:{hostPort}', not 0.0.0.0:32400");
                        continue;
                    }

                    Assert.True(hostIp == "127.0.0.1", $"{name} {port.Name} is published on '{hostIp}', not 127.0.0.1");
                }
            }
        }
    }

    private static void AssertKopiaMountsAreReadOnly(string kopia)
    {
        using var mounts = JsonDocument.Parse(Inspect(kopia, "{{json .Mounts}}"));
        var sources = mounts.RootElement.EnumerateArray().Where(m => m.GetProperty("Destination").GetString()!.StartsWith("/data/", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, sources.Count);
        Assert.All(sources, m => Assert.False(m.GetProperty("RW").GetBoolean(), m.GetProperty("Destination").GetString()));
        var write = DockerEngine.Run("docker", ["exec", kopia, "touch", "/data/sonarr/kopia-was-here"], TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, write.ExitCode);
    }

    private static DateTimeOffset Started(string id) =>
        DateTimeOffset.Parse(Inspect(id, "{{.State.StartedAt}}"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Inspect(string id, string format) =>
        DockerEngine.Run("docker", ["inspect", "-f", format, id], TimeSpan.FromSeconds(20)).StandardOutput.Trim();

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(500, cancellationToken);
        }
    }
}
