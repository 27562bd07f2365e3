using System.Text.Json;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// Brings the published compose file up on the real engine with local stand-in images (tagged with the real image
/// names) and checks what a user relies on: every service turns healthy, only Plex's port is on the host, the VPN
/// apps are reached through gluetun, and Kopia cannot write to what it backs up.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class ComposeSmokeTests
{
    [DockerFact(needsStandIns: true)]
    public async Task PublishedComposeFileComesUpHealthyOnTheRealEngine()
    {
        DockerEngine.RequireAvailable();
        var app = await AppHostRunner.BuildStackAsync();
        var names = app.Model.Containers.Select(c => c.Name).ToList();
        StandInStack.BuildImages(app.Model.Containers.Select(c => c.GetImage()!.Reference).ToList());

        using var temp = new TempDirectory();
        var compose = temp.Combine("compose");
        Directory.CreateDirectory(temp.Combine("media", "media", "tv")); // prepare-host.sh checks media folders exist
        Directory.CreateDirectory(temp.Combine("media", "torrents"));
        var published = await AppHostRunner.PublishAsync("publish-compose", compose,
            new Dictionary<string, string?>
            {
                ["Parameters:config-root"] = temp.Combine("config"),
                ["Parameters:media-root"] = temp.Combine("media"),
            });
        Assert.True(published.ExitCode == 0, published.Log);
        EnvFileEditor.FillEmptyValues(Path.Combine(compose, ".env"), key => $"smoke-{key.ToLowerInvariant()}");
        var prepare = DockerEngine.Run("sh", [Path.Combine(compose, "prepare-host.sh")], TimeSpan.FromSeconds(30));
        Assert.True(prepare.ExitCode == 0, $"prepare-host.sh failed: {prepare}");
        Assert.Equal("1000:1000", DockerEngine.Run("stat", ["-c", "%u:%g", temp.Combine("config", "seerr")], TimeSpan.FromSeconds(10)).StandardOutput.Trim());
        var environment = new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = "servarr-smoke" };
        StandInStack.RefuseToTouchForeignContainers(names);
        StandInStack.RemoveContainers(names);

        try
        {
            var up = DockerEngine.Run("docker-compose", ["up", "-d"], TimeSpan.FromMinutes(5), compose, environment);
            Assert.True(up.ExitCode == 0, $"docker-compose up failed: {up}");
            await StandInStack.WaitUntilHealthyAsync(names,
                () => DockerEngine.Run("docker-compose", ["logs", "--tail", "20"], TimeSpan.FromSeconds(60), compose, environment).StandardOutput);

            AssertOnlyPlexPublishesHostPorts(names);
            StandInStack.AssertVpnAppsAreReachedThroughGluetun();
            StandInStack.AssertKopiaMountsAreReadOnly();
            StandInStack.AssertZonesSeparateTheTunnelFromInternalApps();
        }
        finally
        {
            DockerEngine.Run("docker-compose", ["down", "-v", "--remove-orphans", "-t", "2"], TimeSpan.FromMinutes(2), compose, environment);
            StandInStack.RemoveContainers(names);
        }
    }

    private static void AssertOnlyPlexPublishesHostPorts(IReadOnlyList<string> names)
    {
        // On the real engine: Plex's 32400 on every interface; the admin UIs on 127.0.0.1 only (ssh -L); nothing else.
        foreach (var name in names)
        {
            var json = DockerEngine.Run("docker", ["inspect", "-f", "{{json .HostConfig.PortBindings}}", name], TimeSpan.FromSeconds(20)).StandardOutput.Trim();
            using var bindings = System.Text.Json.JsonDocument.Parse(json is "" or "null" ? "{}" : json);
            foreach (var port in bindings.RootElement.EnumerateObject())
            {
                foreach (var binding in port.Value.EnumerateArray())
                {
                    var hostIp = binding.GetProperty("HostIp").GetString();
                    Assert.True(name == "plex" && port.Name == "32400/tcp" ? hostIp is "" or "0.0.0.0" : hostIp == "127.0.0.1",
                        $"{name} {port.Name} is published on '{hostIp}'");
                }
            }
        }

        var plex = DockerEngine.Run("docker", ["port", "plex", "32400/tcp"], TimeSpan.FromSeconds(20)).StandardOutput;
        Assert.Contains("0.0.0.0:32400", plex);
        Assert.Contains("127.0.0.1:8989", DockerEngine.Run("docker", ["port", "gluetun", "8989/tcp"], TimeSpan.FromSeconds(20)).StandardOutput);
    }

    private static string Inspect(string container, string format) => StandInStack.Inspect(container, format);

}
