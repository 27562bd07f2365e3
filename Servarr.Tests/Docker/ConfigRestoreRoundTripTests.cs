using System.Security.Cryptography;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Kopia;
using Servarr.Hosting.Orchestration.Restore;
using Servarr.Tests.TestSupport;
using Engine = Servarr.Hosting.Orchestration.Docker.DockerEngine;

namespace Servarr.Tests.Docker;

/// <summary>
/// The config restore on the real engine (names <c>restoretest-&lt;id&gt;-*</c>): a Kopia stand-in container with a
/// filesystem repository takes two snapshots of an app's config folder, the folder is damaged, and the runner — with
/// the plan the model gives and Servarr's Docker engine — stops the app (a plain container), restores the latest and
/// then a chosen snapshot through one-off containers, gives the files to PUID:PGID and starts the app again. Kopia is
/// the busybox stand-in (shims/kopia), not the real binary.
/// </summary>
public class ConfigRestoreRoundTripTests
{
    private static readonly TimeSpan s_within = TimeSpan.FromMinutes(2);

    [DockerFact(needsStandIns: true)]
    public async Task RestoreBringsTheConfigBackOwnedByTheAppAndStartsItAgain()
    {
        DockerEngine.RequireAvailable();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var prefix = $"restoretest-{Guid.NewGuid():N}"[..18];
        using var temp = new TempDirectory();
        const string appImage = "lscr.io/linuxserver/sonarr:4.0.19.2979-ls316";
        StandInStack.BuildImages([appImage]);
        var kopiaImage = BuildKopiaStandIn(temp);
        Directory.CreateDirectory(temp.Combine("repository")); // like a NAS share: bind sources must exist
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, new Dictionary<string, string?>
        {
            ["Parameters:config-root"] = temp.Combine("config"),
            ["Parameters:puid"] = "4321",
            ["Parameters:pgid"] = "4322",
            ["Parameters:kopia-password"] = "restoretest-password",
        });
        var host = builder.AddHost();
        var (appName, kopiaName) = ($"{prefix}-app", $"{prefix}-kopia");
        var app = builder.AddContainer(appName, "lscr.io/linuxserver/sonarr", "4.0.19.2979-ls316").WithConfigMount(host);
        var kopia = builder.AddKopia(kopiaName, host, builder.AddParameter("kopia-password", secret: true))
            .WithImage(kopiaImage.Image, kopiaImage.Tag).WithFilesystemRepository(temp.Combine("repository")).WithConfigBackups();
        builder.BuildModel();
        var values = builder.Values();
        var plan = app.Resource.Annotations.OfType<ConfigRestoreAnnotation>().Single().Provider
            .Plan(app.Resource, new ConfigRestoreContext(p => values.Resolve(p).Value, temp.Path));
        var config = temp.Combine("config", appName);
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(temp.Combine("config", kopiaName));
        try
        {
            // The Kopia server as the stack runs it (its config folder, the repository, the app's folder read-only), and the app.
            Docker("run", "-d", "--name", kopiaName, "--hostname", "servarr", "-e", "USER=servarr",
                "-v", $"{temp.Combine("config", kopiaName)}:/app/config", "-v", $"{temp.Combine("repository")}:/repository", "-v", $"{config}:/data/{appName}:ro",
                $"{kopiaImage.Image}:{kopiaImage.Tag}", "server", "start", "--insecure", "--address=0.0.0.0:51515");
            Docker("exec", kopiaName, "kopia", "repository", "create", "filesystem", "--path=/repository");
            Docker("run", "-d", "--name", appName, "-v", $"{config}:/config", appImage);

            Write(config, "config.xml", "<Config>v1</Config>");
            Write(config, "db/sonarr.db", "one");
            var first = Snapshot(kopiaName, appName);
            await Task.Delay(TimeSpan.FromSeconds(1.2), timeout.Token); // the stand-in's snapshot times are whole seconds
            Write(config, "config.xml", "<Config>v2</Config>");
            Write(config, "extra.txt", "added later");
            var second = Snapshot(kopiaName, appName);

            File.Delete(Path.Combine(config, "config.xml"));
            Write(config, "db/sonarr.db", "damaged");
            var startedBefore = StandInStack.Inspect(appName, "{{.State.StartedAt}}");
            using var engine = Engine.FromEnvironment();
            var dialog = new Dialog();
            var dockerApp = new DockerApp(appName);
            var log = new ListLogger();

            var latest = await ConfigRestoreRunner.RunAsync(plan, engine, dialog, dockerApp, log, timeout.Token);

            Assert.Equal(second, latest?.Id);
            Assert.Equal([second, first], dialog.Offered);
            Assert.Equal("<Config>v2</Config>", File.ReadAllText(Path.Combine(config, "config.xml")));
            Assert.Equal("one", File.ReadAllText(Path.Combine(config, "db", "sonarr.db")));
            Assert.Equal("true", StandInStack.Inspect(appName, "{{.State.Running}}"));
            Assert.NotEqual(startedBefore, StandInStack.Inspect(appName, "{{.State.StartedAt}}"));
            Assert.Equal(["stop", "start"], dockerApp.Calls);
            var owners = DockerEngine.Run("find", [config, "-printf", "%U:%G\\n"], s_within).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(owners.Length >= 5, string.Join(",", owners));
            Assert.All(owners, o => Assert.Equal("4321:4322", o));
            Assert.Contains(log.Lines, l => l.EndsWith($"owned by 4321:4322; '{appName}' was started again", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Lines, l => l.Contains("restoretest-password", StringComparison.Ordinal));

            dialog.Choice = first;
            var older = await ConfigRestoreRunner.RunAsync(plan, engine, dialog, dockerApp, log, timeout.Token);

            Assert.Equal(first, older?.Id);
            Assert.Equal("<Config>v1</Config>", File.ReadAllText(Path.Combine(config, "config.xml")));
            Assert.Equal("true", StandInStack.Inspect(appName, "{{.State.Running}}"));
            Assert.Equal("", Docker("ps", "-aq", "--filter", $"label={ServarrLabels.Resource}={kopiaName}-restore").Trim());
        }
        finally
        {
            DockerEngine.Run("docker", ["rm", "-f", kopiaName, appName, $"{kopiaName}-restore-{appName}"], s_within);
            DockerEngine.Run("docker", ["volume", "rm", "-f", $"{kopiaName}-cache"], s_within);
            // The restored files belong to 4321: the temp folder is removed by root (the tests' user) all the same.
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

    private static string Docker(params string[] args)
    {
        var result = DockerEngine.Run("docker", args, s_within);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)}: {result}");
        return result.StandardOutput;
    }

    /// <summary>Takes a snapshot of the app's source inside the running Kopia container; returns its id.</summary>
    private static string Snapshot(string kopia, string app) =>
        Docker("exec", kopia, "kopia", "snapshot", "create", $"/data/{app}").Trim().Split(' ')[^1];

    private static void Write(string folder, string file, string text)
    {
        var path = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The user: picks <see cref="Choice"/> (the latest when null) and confirms.</summary>
    private sealed class Dialog : IRestoreDialog
    {
        public string? Choice { get; set; }

        public IReadOnlyList<string> Offered { get; private set; } = [];

        public Task<string?> ChooseBackupAsync(IConfigRestorePlan plan, IReadOnlyList<ConfigBackup> backups, CancellationToken cancellationToken)
        {
            Offered = [.. backups.Select(b => b.Id)];
            return Task.FromResult<string?>(Choice ?? backups[0].Id);
        }

        public Task<bool> ConfirmAsync(IConfigRestorePlan plan, ConfigBackup backup, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    /// <summary>A plain container stopped and started with the docker CLI (Aspire's commands do this in the AppHost).</summary>
    private sealed class DockerApp(string name) : IRestoredApp
    {
        public List<string> Calls { get; } = [];

        public bool IsRunning => StandInStack.Inspect(name, "{{.State.Running}}") == "true";

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Calls.Add("stop");
            Docker("stop", "-t", "5", name);
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Calls.Add("start");
            Docker("start", name);
            return Task.CompletedTask;
        }
    }
}
