using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// README's run command on a fresh machine, on the real engine with stand-ins: no secret, no folder set. Everything that
/// needs no secret comes up healthy in development folders under the AppHost's directory; gluetun and the VPN apps wait
/// with the command that sets the VPN values (never on the plain network); the tunnel, backups and monitor sync are off;
/// nothing fails. Setting the VPN values with the `params` verb lets the second run start them.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class FirstRunTests
{
    private static readonly string[] s_vpn = ["gluetun", "qbittorrent", "prowlarr", "sonarr", "radarr"];
    private static readonly string[] s_off = ["cloudflared", "kopia", "autokuma"];
    private static readonly TimeSpan s_within = TimeSpan.FromMinutes(2);

    [DockerFact(needsStandIns: true)]
    public async Task AFreshRunStartsWhatNeedsNoSecretAndExplainsTheRestThenTheVerbLetsTheVpnAppsStart()
    {
        DockerEngine.RequireAvailable();
        var model = (await AppHostRunner.BuildDefaultStackAsync("run")).Model;
        var names = StandInStack.Prepare(model);
        using var root = new TempDirectory();
        // A fresh AppHost folder with appsettings.json only; its name makes the app "firstrun" (networks firstrun-*).
        var temp = new DirectoryInfo(root.Combine("firstrun.AppHost")).FullName;
        Directory.CreateDirectory(temp);
        File.Copy(Path.Combine(RepositoryPaths.AppHostDirectory, "appsettings.json"), Path.Combine(temp, "appsettings.json"));
        var secrets = root.Combine("user-secrets", "secrets.json");
        try
        {
            await FreshRunThenSecondRunAsync(names, temp, secrets);
        }
        finally
        {
            var down = await AppHostRunner.RunAsync(["down", "--yes"], appHostDirectory: temp, userSecretsPath: secrets);
            Assert.True(down.ExitCode == 0, down.Output + down.Error);
        }

        Assert.Equal("", DockerEngine.Run("docker", ["network", "ls", "-q", "--filter", "name=firstrun"], TimeSpan.FromSeconds(20)).StandardOutput.Trim());
    }

    private static async Task FreshRunThenSecondRunAsync(IReadOnlyList<string> names, string temp, string secrets)
    {
        var first = new LiveWriter();
        await RunUntilAsync(temp, secrets, first, async () =>
        {
            await StandInStack.WaitUntilHealthyAsync(names.Except(s_vpn).Except(s_off).ToList(), () => first.Text);
            await first.WaitForAsync("gluetun        Waiting — needs parameter `vpn-provider`, `wireguard-private-key`, `wireguard-addresses`: "
                + "dotnet user-secrets set Parameters:vpn-provider <value> --project Servarr.AppHost (or env Parameters__vpn-provider=<value>)", s_within);
            foreach (var app in s_vpn.Skip(1))
            {
                await first.WaitForAsync($"{app,-14} Waiting — waiting for ", s_within);
                Assert.Contains(first.Text.Split('\n'), l => l.Contains($" {app,-14} Waiting — waiting for ", StringComparison.Ordinal)
                    && l.EndsWith("which needs parameter `vpn-provider`, `wireguard-private-key`, `wireguard-addresses`", StringComparison.Ordinal));
            }

            await first.WaitForAsync("cloudflared    NotStarted — off (the tunnel): needs `tunnel-token`", s_within);
            await first.WaitForAsync("kopia          NotStarted — off (backups): needs `kopia-password`, `r2-bucket`, `r2-account-id`", s_within);
            await first.WaitForAsync("autokuma       NotStarted — off (monitor sync): needs `uptime-kuma-password`", s_within);
            Assert.All(s_vpn.Concat(s_off), n => Assert.Equal("", StandInStack.Inspect(n, "{{.Id}}")));
        });

        var text = first.Text;
        Assert.Contains("using development folders (config-root = ", text);
        Assert.Contains("  gluetun needs `vpn-provider`, `wireguard-private-key`, `wireguard-addresses`; qbittorrent, prowlarr, sonarr, radarr wait for it", text);
        Assert.Contains("  Pushbullet alerts (autokuma) needs `pushbullet-access-token`", text);
        Assert.Contains("  direct LAN connections (plex) needs `lan-address`", text);
        Assert.DoesNotContain("smtp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FailedToStart", text);
        Assert.True(Directory.Exists(Path.Combine(temp, ".servarr", "data", "media", "tv")), text);
        Assert.True(Directory.Exists(Path.Combine(temp, ".servarr", "data", "torrents")), text);
        Assert.Equal("1000:1000", DockerEngine.Run("stat", ["-c", "%u:%g", Path.Combine(temp, ".servarr", "config", "seerr")], TimeSpan.FromSeconds(10)).StandardOutput.Trim());

        var set = await AppHostRunner.RunAsync(["params", "--set", "vpn-provider=mullvad", "--set", "wireguard-private-key=first-run-test-key",
            "--set", "wireguard-addresses=10.64.0.2/32"], appHostDirectory: temp, userSecretsPath: secrets);
        Assert.True(set.ExitCode == 0, set.Output + set.Error);
        Assert.DoesNotContain("first-run-test-key", set.Output, StringComparison.Ordinal);

        var second = new LiveWriter();
        await RunUntilAsync(temp, secrets, second, async () =>
        {
            await StandInStack.WaitUntilHealthyAsync(names.Except(s_off).ToList(), () => second.Text);
            Assert.Equal($"container:{StandInStack.Inspect("gluetun", "{{.Id}}")}", StandInStack.Inspect("qbittorrent", "{{.HostConfig.NetworkMode}}"));
        });
        Assert.DoesNotContain("Waiting — needs parameter", second.Text);
        Assert.DoesNotContain("FailedToStart", second.Text);
    }

    private static async Task RunUntilAsync(string temp, string secrets, LiveWriter output, Func<Task> check)
    {
        using var ctrlC = new CancellationTokenSource();
        var running = AppHostRunner.RunAsync(["run", "--pull", "never", "--no-dashboard"], cancellation: ctrlC.Token, appHostDirectory: temp,
            userSecretsPath: secrets, liveOutput: output);
        try
        {
            await check();
        }
        finally
        {
            await ctrlC.CancelAsync();
            var result = await running.WaitAsync(s_within);
            Assert.True(result.ExitCode == 0, output.Text + result.Error);
        }
    }
}
