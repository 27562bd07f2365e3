using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Lifecycle;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations.Kopia;

/// <summary>Kopia's sources, excludes and start-up script are derived from the model, for the default stack and for a new app.</summary>
public class KopiaBackupTests
{
    private const string GoldenScript = "Servarr.Tests/Integrations/Kopia/Expected/default-stack.kopia-start.sh";

    [Fact]
    public async Task EveryAppOfTheDefaultStackGetsASourcePolicyWithItsExcludes()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var kopia = app.Model.Containers.OfType<KopiaResource>().Single();
        var withConfig = app.Model.Containers.Where(c => c != kopia && c.GetMounts().Any(m => m.Purpose == ContainerMountPurpose.Config)).ToList();
        var script = StartupScript(kopia);

        Assert.True(withConfig.Count >= 11, "the default stack has a config folder per app");
        Assert.Equal(withConfig.Select(c => $"/data/{c.Name}"), kopia.Annotations.OfType<BackupSourceAnnotation>().Select(s => s.Path));
        foreach (var container in withConfig)
        {
            Assert.Contains($"kopia policy set /data/{container.Name} --clear-ignore\n", script);
            var excludes = container.GetBackupExcludes();
            if (excludes.Count > 0)
            {
                Assert.Contains($"kopia policy set /data/{container.Name} {string.Join(' ', excludes.Select(p => $"--add-ignore='{p}'"))}\n", script);
            }
        }

        Assert.Equal(["Cache/", "Logs/", "Crash Reports/", "Codecs/", "Updates/"], Find(app, "plex").GetBackupExcludes());
        Assert.Equal(["logs/", "logs.db", "logs.db-*", "*.pid", "MediaCover/"], Find(app, "sonarr").GetBackupExcludes());
        Assert.Equal(["logs/", "logs.db", "logs.db-*", "*.pid", "MediaCover/"], Find(app, "radarr").GetBackupExcludes());
        Assert.Equal(["logs/", "logs.db", "logs.db-*", "*.pid"], Find(app, "prowlarr").GetBackupExcludes());
    }

    [Fact]
    public async Task TheDefaultStacksStartUpScriptConnectsSetsPoliciesAndServes()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var kopia = app.Model.Containers.OfType<KopiaResource>().Single();
        var script = StartupScript(kopia);

        Assert.Equal("/bin/sh", kopia.Entrypoint);
        Assert.Contains("if ! kopia repository connect s3 --bucket=\"$KOPIA_S3_BUCKET\" --endpoint=\"$KOPIA_S3_ENDPOINT\" --region=auto; then", script);
        Assert.Contains("  kopia repository create s3 --bucket=\"$KOPIA_S3_BUCKET\"", script);
        Assert.Contains("--snapshot-time=\"$SERVARR_BACKUP_TIME\"", script);
        Assert.Contains("--compression=zstd", script);
        Assert.EndsWith("exec kopia server start --insecure --address=0.0.0.0:51515\n", script);
        Golden.AssertMatches(script, GoldenScript);
    }

    [Fact]
    public void AnAppDeclaredAfterKopiaIsBackedUpWithNoOtherEdit()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var kopia = builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true))
            .WithFilesystemRepository("/srv/backups").WithConfigBackups();
        builder.AddContainer("bazarr", "lscr.io/linuxserver/bazarr", "v1").WithConfigMount(host).WithBackupExcludes("log/", "cache/");
        builder.AddContainer("scratch", "busybox", "1").WithVolume("scratch", "/scratch");

        builder.BuildModel();

        var mount = Assert.Single(kopia.Resource.GetMounts(), m => m.Target.StartsWith("/data/", StringComparison.Ordinal));
        Assert.Equal(("/data/bazarr", true), (mount.Target, mount.IsReadOnly));
        var script = StartupScript(kopia.Resource);
        Assert.Contains("kopia policy set /data/bazarr --add-ignore='log/' --add-ignore='cache/'\n", script);
        Assert.Contains("if ! kopia repository connect filesystem --path=/repository; then", script);
        Assert.Contains(kopia.Resource.GetMounts(), m => m.Target == "/repository" && !m.IsReadOnly);
        Assert.DoesNotContain("scratch", script);
    }

    [Fact]
    public void ChoosingAppsExplicitlyAndBackingUpAllMountEachFolderOnce()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var sonarr = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(host);
        var kopia = builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true))
            .WithConfigBackupOf(sonarr).WithConfigBackups();

        var model = builder.BuildModel();
        ModelCompletion.Complete(builder, model); // a second completion (another event, a test) adds nothing

        Assert.Single(kopia.Resource.GetMounts(), m => m.Target == "/data/sonarr");
        Assert.Contains("servarr: no repository in the model", StartupScript(kopia.Resource));
        var noConfig = builder.AddContainer("plain", "busybox", "1");
        kopia.WithConfigBackupOf(noConfig); // recorded for the validator (the campaign test checks its line), not thrown
        Assert.Equal(".WithConfigBackupOf(plain): 'plain' has no config bind mount to back up; give it one with .WithConfigMount(host) before this call",
            Assert.Single(kopia.Resource.Annotations.OfType<InvalidInputAnnotation>()).ToString());
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("two\nlines")]
    [InlineData(" ")]
    public void ExcludePatternsThatWouldBreakTheScriptAreRefused(string pattern) =>
        Assert.Throws<ArgumentException>(() => new BackupExcludeAnnotation([pattern]));

    [Fact]
    public void RepositoriesAndSourcesAreValidated()
    {
        Assert.Throws<ArgumentException>(() => new BackupRepositoryAnnotation("S3; rm", ["--path=/x"]));
        Assert.Throws<ArgumentException>(() => new BackupRepositoryAnnotation("s3", ["bucket"]));
        Assert.Throws<ArgumentException>(() => new BackupSourceAnnotation(new ContainerResource("a"), "/data/a b"));
        Assert.Throws<ArgumentException>(() => new BackupExcludeAnnotation([]));
    }

    [Fact]
    public async Task SecretsReachKopiaThroughItsEnvironmentAndNeverItsScript()
    {
        var configuration = StackParameters.Required.ToDictionary(n => $"Parameters:{n}", n => (string?)$"canary-{n}-77f3");
        var app = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run, configuration);
        var kopia = app.Model.Containers.OfType<KopiaResource>().Single();
        var values = app.Values;

        // What Aspire hands `docker run` once it has resolved the parameters: the environment and the arguments.
        var env = EnvironmentEvaluator.Evaluate(kopia, ServarrExecution.Run).Select(e => $"{e.Key}={RunExpressions.Render(e.Value, values)}").ToList();
        var args = kopia.GetArgs(ServarrExecution.Run).Select(a => RunExpressions.Render(a, values)).ToList();

        Assert.Contains("KOPIA_PASSWORD=canary-kopia-password-77f3", env);
        Assert.Contains("AWS_SECRET_ACCESS_KEY=canary-r2-secret-access-key-77f3", env);
        Assert.Equal("-c", args[0]);
        Assert.DoesNotContain("canary-", string.Join('\n', args));
        Assert.Contains("SERVARR_KEEP_DAILY=7", env);
    }

    internal static string StartupScript(ContainerResource kopia)
    {
        var args = kopia.GetArgs(ServarrExecution.Publish).Select(a => a.Render(_ => "")).ToList();
        Assert.Equal(2, args.Count);
        Assert.Equal("-c", args[0]);
        return args[1];
    }

    private static ContainerResource Find(AppHostRunner.Stack app, string name) => app.Model.Containers.Single(c => c.Name == name);
}
