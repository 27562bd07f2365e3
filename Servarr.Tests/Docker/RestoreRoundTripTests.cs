using System.Security.Cryptography;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Cli;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// <c>restore</c> on the real engine with a small model of its own (names <c>restoretest-&lt;id&gt;-*</c>, its own app
/// label, network and volume): Kopia's start-up script creates a filesystem repository and sets the app's policy,
/// two snapshots are taken, the config is damaged, and <c>restore</c> stops the app, restores through a one-off
/// container, gives the files to PUID:PGID and starts the app again. Kopia is the busybox stand-in (shims/kopia),
/// not the real binary.
/// </summary>
public class RestoreRoundTripTests
{
    private static readonly TimeSpan s_within = TimeSpan.FromMinutes(2);

    [DockerFact(needsStandIns: true)]
    public async Task RestoreBringsTheConfigBackOwnedByTheAppAndStartsItAgain()
    {
        DockerEngine.RequireAvailable();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var prefix = $"restoretest-{Guid.NewGuid():N}"[..18];
        using var temp = new TempDirectory();
        var (appImage, appTag) = ("lscr.io/linuxserver/sonarr", "4.0.19.2979-ls316");
        StandInStack.BuildImages([$"{appImage}:{appTag}"]);
        var kopiaImage = BuildKopiaStandIn(temp);
        Directory.CreateDirectory(temp.Combine("media"));
        Directory.CreateDirectory(temp.Combine("repository")); // like a NAS share: bind sources must exist
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, new Dictionary<string, string?>
        {
            ["Parameters:config-root"] = temp.Combine("config"),
            ["Parameters:media-root"] = temp.Combine("media"),
            ["Parameters:puid"] = "4321",
            ["Parameters:pgid"] = "4322",
            ["Parameters:kopia-password"] = "restoretest-password",
        }, appHostDirectory: Directory.CreateDirectory(temp.Combine($"{prefix}.AppHost")).FullName);
        var host = builder.AddHost();
        var appName = $"{prefix}-app";
        builder.AddContainer(appName, appImage, appTag).WithConfigMount(host).WithBackupExcludes("logs/");
        builder.AddKopia($"{prefix}-kopia", host, builder.AddParameter("kopia-password", secret: true))
            .WithImage(kopiaImage.Image, kopiaImage.Tag)
            .WithFilesystemRepository(temp.Combine("repository"))
            .WithConfigBackups();
        var application = builder.Build();
        var config = temp.Combine("config", appName);
        try
        {
            await using (var session = await RunSession.CreateAsync(application,
                new RunSessionOptions { Pull = PullPolicy.Never, AppName = prefix, RandomHostPorts = true }, timeout.Token))
            {
                await session.StartAsync(timeout.Token);
                // The start-up script ran: repository created, the app's excludes set as its policy.
                var policies = temp.Combine("config", $"{prefix}-kopia", "policies.log");
                await WaitAsync(() => File.Exists(policies) && File.ReadAllText(policies).Contains($"policy set /data/{appName} --add-ignore=logs/"),
                    () => $"kopia's start-up script did not set the app's policy: {session.State.Get($"{prefix}-kopia")} {DockerEngine.Run("docker", ["logs", $"{prefix}-kopia"], s_within)}");
                await WaitAsync(() => Inspect(appName, "{{.State.Running}}") == "true", () => $"{appName} is not running");

                Write(config, "config.xml", "<Config>v1</Config>");
                Write(config, "db/sonarr.db", "one");
                var first = Snapshot(prefix, appName);
                Write(config, "config.xml", "<Config>v2</Config>");
                Write(config, "extra.txt", "added later");
                Snapshot(prefix, appName);

                File.Delete(Path.Combine(config, "config.xml"));
                Write(config, "db/sonarr.db", "damaged");
                var startedBefore = Inspect(appName, "{{.State.StartedAt}}");

                var latest = await RestoreAsync(application, timeout.Token, "restore", appName);
                Assert.True(latest.ExitCode == 0, latest.Error);
                Assert.Equal("<Config>v2</Config>", File.ReadAllText(Path.Combine(config, "config.xml")));
                Assert.Equal("one", File.ReadAllText(Path.Combine(config, "db", "sonarr.db")));
                Assert.Equal("true", Inspect(appName, "{{.State.Running}}"));
                Assert.NotEqual(startedBefore, Inspect(appName, "{{.State.StartedAt}}"));
                var owners = DockerEngine.Run("find", [config, "-printf", "%U:%G\\n"], s_within).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(owners.Length >= 4);
                Assert.All(owners, o => Assert.Equal("4321:4322", o));
                Assert.Contains($"owned by 4321:4322; '{appName}' was started again", latest.Output);

                var older = await RestoreAsync(application, timeout.Token, "restore", appName, "--snapshot", first);
                Assert.True(older.ExitCode == 0, older.Error);
                Assert.Equal("<Config>v1</Config>", File.ReadAllText(Path.Combine(config, "config.xml")));

                var tooEarly = await RestoreAsync(application, timeout.Token, "restore", appName, "--at", "2001-01-01T00:00Z");
                Assert.Equal(ExitCodes.InvalidInput, tooEarly.ExitCode);
                Assert.Contains("pass a later --at", tooEarly.Error);
                Assert.Equal("true", Inspect(appName, "{{.State.Running}}"));
                Assert.Equal("", DockerEngine.Run("docker", ["ps", "-aq", "--filter", $"name={prefix}-kopia-restore"], s_within).StandardOutput.Trim());
            }
        }
        finally
        {
            using var runtime = await DockerContainerRuntime.ConnectAsync(AppIdentity.DockerEndpoint(application.Builder), CancellationToken.None);
            await StackTeardown.DownAsync(runtime, prefix, removeVolumes: true, CancellationToken.None);
            DockerEngine.Run("docker", ["volume", "rm", "-f", $"{prefix}-kopia-cache"], s_within);
        }
    }

    /// <summary>The kopia stand-in with this checkout's shim, tagged by its hash: other checkouts rebuilding the shared stand-ins cannot change it under the test.</summary>
    private static (string Image, string Tag) BuildKopiaStandIn(TempDirectory temp)
    {
        var shim = File.ReadAllBytes(Path.Combine(RepositoryPaths.Tests, "TestSupport", "StandIns", "shims", "kopia"));
        var tag = Convert.ToHexStringLower(SHA256.HashData(shim))[..12];
        const string image = "servarr-restoretest-kopia";
        if (DockerEngine.Run("docker", ["image", "inspect", $"{image}:{tag}"], s_within).ExitCode == 0)
        {
            return (image, tag);
        }

        var context = Directory.CreateDirectory(temp.Combine("kopia-image")).FullName;
        File.WriteAllBytes(Path.Combine(context, "kopia"), shim);
        File.WriteAllText(Path.Combine(context, "Dockerfile"),
            "FROM servarr-standin-base:1\nCOPY kopia /bin/kopia\nRUN chmod 0755 /bin/kopia\nENV STANDIN_NAME=kopia STANDIN_PORTS=51515 STANDIN_PORT_ENV=\"\"\n" +
            "LABEL servarr.standin-of=\"kopia (restore tests)\"\nENTRYPOINT [\"/bin/kopia\"]\n");
        var build = DockerEngine.Run("docker", ["build", "-q", "-t", $"{image}:{tag}", context], TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" });
        Assert.True(build.ExitCode == 0, $"building the kopia stand-in failed: {build}");
        return (image, tag);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RestoreAsync(DistributedApplication application, CancellationToken cancellationToken,
        params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await ServarrCommandLine.InvokeAsync(application, args, output, error, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Takes a snapshot of the app's source inside the running Kopia container; returns its id.</summary>
    private static string Snapshot(string prefix, string app)
    {
        var created = DockerEngine.Run("docker", ["exec", $"{prefix}-kopia", "kopia", "snapshot", "create", $"/data/{app}"], s_within);
        Assert.True(created.ExitCode == 0, $"snapshot failed: {created}");
        return created.StandardOutput.Trim().Split(' ')[^1];
    }

    private static void Write(string folder, string file, string text)
    {
        var path = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static async Task WaitAsync(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + s_within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(500);
        }
    }

    private static string Inspect(string container, string format) => StandInStack.Inspect(container, format);
}
