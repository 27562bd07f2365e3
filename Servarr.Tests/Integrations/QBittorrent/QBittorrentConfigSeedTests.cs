using System.Text.Json;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.QBittorrent;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations.QBittorrent;

/// <summary>
/// qBittorrent's first-start settings: the default stack's init script, run as LinuxServer runs it (after the image copied
/// its default config), then the real qbittorrent-nox (Debian's) reads the result and reports it through its own WebUI API.
/// </summary>
public class QBittorrentConfigSeedTests
{
    // The image's default config, as linuxserver/docker-qbittorrent@5.2.3_v2.0.13-ls469:root/defaults/qBittorrent.conf has
    // it; its init copies it to /config/qBittorrent/qBittorrent.conf when that file is missing.
    private const string ImageDefault =
        "[AutoRun]\nenabled=false\nprogram=\n\n[LegalNotice]\nAccepted=true\n\n[Preferences]\nConnection\\UPnP=false\n"
        + "Connection\\PortRangeMin=6881\nDownloads\\SavePath=/downloads/\nDownloads\\ScanDirsV2=@Variant(\\0\\0\\0\\x1c\\0\\0\\0\\0)\n"
        + "Downloads\\TempPath=/downloads/incomplete/\nWebUI\\Address=*\nWebUI\\ServerDomains=*\n";

    [Fact]
    public async Task TheDefaultStackMountsTheSeedScriptReadOnlyWhereLinuxServerRunsIt()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var qbittorrent = app.Model.Containers.Single(c => c.Name == "qbittorrent");

        var file = Assert.Single(qbittorrent.Annotations.OfType<GeneratedFileAnnotation>());

        Assert.Equal("/custom-cont-init.d/50-servarr-seed-config", file.Target);
        Assert.Equal("{config-root}/.servarr/qbittorrent/seed-config.sh", file.HostPath.Render(v => $"{{{((ParameterResource)v).Name}}}"));
        Assert.Equal("/data", qbittorrent.GetMounts().Single(m => m.Purpose == ContainerMountPurpose.Media).Target); // the seed's paths are under it
        Assert.Contains("Session\\DefaultSavePath=/data/torrents\n", QBittorrentConfigSeed.Default.RenderConfig());
        Assert.DoesNotContain("Downloads\\SavePath", QBittorrentConfigSeed.Default.RenderConfig()); // the legacy key would undo the seed
    }

    [DockerFact(needsStandIns: true)]
    public async Task RealQBittorrentSavesUnderTheMediaTreeLogsInAsServarrBindsToTheTunnelAndAConfigItWroteIsNeverSeededAgain()
    {
        DockerEngine.RequireAvailable();
        var qbittorrentNox = DockerEngine.Run("sh", ["-c", "command -v qbittorrent-nox"], TimeSpan.FromSeconds(10)).StandardOutput.Trim();
        Assert.True(qbittorrentNox.Length > 0, "qbittorrent-nox is not installed: apt-get install qbittorrent-nox (bash .ci/run does)");
        StandInStack.BuildImages([]);
        var app = await AppHostRunner.BuildStackAsync();
        var qbittorrent = (QBittorrentResource)app.Model.Containers.Single(c => c.Name == "qbittorrent");
        var seed = qbittorrent.Annotations.OfType<GeneratedFileAnnotation>().Single();
        using var temp = new TempDirectory();
        var script = temp.Combine("seed-config.sh");
        var password = $"pw-{Guid.NewGuid():N}"; // what Aspire generates: 32 lower-case hex characters
        await File.WriteAllTextAsync(script, GeneratedFiles.Render(seed, app.Model, _ => "", p => p == qbittorrent.WebUiPassword ? password : null));
        Directory.CreateDirectory(temp.Combine("config", "qBittorrent"));
        Directory.CreateDirectory(temp.Combine("defaults"));
        Directory.CreateDirectory(temp.Combine("data", "torrents"));
        await File.WriteAllTextAsync(temp.Combine("defaults", "qBittorrent.conf"), ImageDefault);
        var conf = temp.Combine("config", "qBittorrent", "qBittorrent.conf");
        await File.WriteAllTextAsync(conf, ImageDefault); // what the image's init did just before

        var first = RunSeed(temp, script);

        Assert.True(first.ExitCode == 0, first.ToString());
        var seeded = await File.ReadAllTextAsync(conf);
        Assert.Contains("WebUI\\Username=servarr\n", seeded);
        Assert.Contains("WebUI\\Password_PBKDF2=\"@ByteArray(", seeded);
        Assert.Contains("Session\\Interface=tun0\n", seeded);
        Assert.DoesNotContain(password, seeded + first.StandardOutput + first.StandardError);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(conf)); // it holds the hash
        }
        foreach (var folder in new[] { "incomplete", "tv", "movies" })
        {
            Assert.True(Directory.Exists(temp.Combine("data", "torrents", folder)), folder);
        }

        var reported = RunQBittorrent(qbittorrentNox, temp, password);
        // 5.2: 204 and no body, 401 for bad credentials (WebAPI 2.14.0); Debian's 4.5.2: 200 "Ok." / 200 "Fails."
        // (qbittorrent/qBittorrent@release-4.5.2: src/webui/api/authcontroller.cpp).
        Assert.True(reported["login"] is "204 " or "200 Ok.", $"login as servarr: {reported["login"]}");
        Assert.True(reported["wrong"] is "200 Fails." || reported["wrong"].StartsWith("401 ", StringComparison.Ordinal),
            $"wrong password: {reported["wrong"]}");
        using var preferences = JsonDocument.Parse(reported["preferences"]);
        Assert.Equal("/data/torrents", preferences.RootElement.GetProperty("save_path").GetString()!.TrimEnd('/'));
        Assert.True(preferences.RootElement.GetProperty("temp_path_enabled").GetBoolean());
        Assert.Equal("/data/torrents/incomplete", preferences.RootElement.GetProperty("temp_path").GetString()!.TrimEnd('/'));
        Assert.Equal("tun0", preferences.RootElement.GetProperty("current_network_interface").GetString());
        Assert.Equal("servarr", preferences.RootElement.GetProperty("web_ui_username").GetString());
        using var categories = JsonDocument.Parse(reported["categories"]);
        Assert.Equal("/data/torrents/tv", categories.RootElement.GetProperty("tv").GetProperty("savePath").GetString()!.TrimEnd('/'));
        Assert.Equal("/data/torrents/movies", categories.RootElement.GetProperty("movies").GetProperty("savePath").GetString()!.TrimEnd('/'));

        // qBittorrent wrote its config on exit: from now on it is the user's, and a restart must leave it alone.
        var written = await File.ReadAllTextAsync(conf);
        Assert.NotEqual(seeded, written);
        Assert.DoesNotContain(password, written + File.ReadAllText(temp.Combine("qbt.log")));
        await File.WriteAllTextAsync(temp.Combine("config", "qBittorrent", "categories.json"), "{}\n");
        var again = RunSeed(temp, script);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("left as it is", again.StandardOutput);
        Assert.Equal(written, await File.ReadAllTextAsync(conf));
        Assert.Equal("{}\n", await File.ReadAllTextAsync(temp.Combine("config", "qBittorrent", "categories.json")));
    }

    private static DockerEngine.Output RunSeed(TempDirectory temp, string script) =>
        DockerEngine.Run("docker", ["run", "--rm", "--network", "none", "--entrypoint", "sh", "-e", "PUID=1000", "-e", "PGID=1000",
            "-v", $"{temp.Combine("config")}:/config", "-v", $"{temp.Combine("defaults")}:/defaults:ro", "-v", $"{temp.Combine("data")}:/data",
            "-v", $"{script}:{QBittorrentConfigSeed.Target}:ro", "servarr-standin-base:1", QBittorrentConfigSeed.Target], TimeSpan.FromMinutes(1));

    /// <summary>
    /// Starts qbittorrent-nox with the LinuxServer layout (HOME = XDG_CONFIG_HOME = XDG_DATA_HOME = the config folder) in
    /// a network namespace of its own (loopback only: no DHT or tracker traffic leaves), asks its WebUI API for the
    /// preferences and categories after logging in as servarr (no Referer or Origin: the CSRF check passes), tries a wrong
    /// password once (five failures would ban the address), and stops it so it writes its config.
    /// </summary>
    private static Dictionary<string, string> RunQBittorrent(string qbittorrentNox, TempDirectory temp, string password)
    {
        var config = temp.Combine("config");
        var check = $$"""
            set -u
            ip link set lo up 2>/dev/null || true
            HOME='{{config}}' XDG_CONFIG_HOME='{{config}}' XDG_DATA_HOME='{{config}}' '{{qbittorrentNox}}' --webui-port=18080 >'{{temp.Combine("qbt.log")}}' 2>&1 &
            pid=$!
            api=http://127.0.0.1:18080/api/v2
            for i in $(seq 1 100); do
                curl -s -o /dev/null "$api/app/webapiVersion" && break
                sleep 0.2
            done
            code=$(curl -s -o '{{temp.Combine("body")}}' -w '%{http_code}' --data 'username=servarr&password=wrong-password' "$api/auth/login")
            printf 'wrong=%s %s\n' "$code" "$(cat '{{temp.Combine("body")}}')"
            code=$(curl -s -o '{{temp.Combine("body")}}' -w '%{http_code}' -c '{{temp.Combine("jar")}}' --data 'username=servarr&password={{password}}' "$api/auth/login")
            printf 'login=%s %s\n' "$code" "$(cat '{{temp.Combine("body")}}')"
            printf 'preferences=%s\n' "$(curl -s -b '{{temp.Combine("jar")}}' "$api/app/preferences")"
            printf 'categories=%s\n' "$(curl -s -b '{{temp.Combine("jar")}}' "$api/torrents/categories")"
            kill -TERM $pid
            wait $pid
            """;
        var run = DockerEngine.Run("unshare", ["--net", "sh", "-c", check], TimeSpan.FromMinutes(2));
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains('=', StringComparison.Ordinal)).ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.True(lines.TryGetValue("preferences", out var p) && p.StartsWith('{'),
            $"qbittorrent-nox did not answer: {run}\n{File.ReadAllText(temp.Combine("qbt.log"))}");
        return lines;
    }
}
