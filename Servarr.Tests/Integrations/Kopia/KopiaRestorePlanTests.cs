using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Kopia;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations.Kopia;

/// <summary>The pure part of a config restore from Kopia: which source, which containers, which snapshot, and the one-line refusals.</summary>
public class KopiaRestorePlanTests
{
    private const string Listed = """
        [{"id":"kaaa1","source":{"path":"/data/sonarr"},"startTime":"2026-05-04T03:00:00Z"},
         {"id":"kccc3","source":{"path":"/data/sonarr"},"startTime":"2026-05-06T03:00:00Z"},
         {"id":"kbbb2","source":{"path":"/data/sonarr"},"startTime":"2026-05-05T03:00:00Z"},
         {"id":"kddd4","source":{"path":"/data/sonarr"},"startTime":"2026-05-07T03:00:00Z","incomplete":"canceled"},
         {"id":"keee5","source":{"path":"/data/radarr"},"startTime":"2026-05-08T03:00:00Z"}]
        """;

    [Fact]
    public void TheAppsCompleteSnapshotsAreReadLatestFirstAndTheLatestIsChosenByDefault()
    {
        var plan = Plan();

        var backups = plan.ReadBackups(Listed);

        Assert.Equal(["kccc3", "kbbb2", "kaaa1"], backups.Select(b => b.Id));
        Assert.Equal("kccc3", plan.Choose(backups, id: null).Id);
        Assert.Equal("kaaa1", plan.Choose(backups, "kaaa1").Id);
        Assert.Equal("kccc3 of 2026-05-06 03:00 +00:00", backups[0].Label);
    }

    [Fact]
    public void ASnapshotOfAnotherAppAnIncompleteOneOrABadIdIsRefusedWithTheFix()
    {
        var plan = Plan();
        var backups = plan.ReadBackups(Listed);

        var other = Assert.Throws<ServarrException>(() => plan.Choose(backups, "keee5"));
        Assert.Equal("'keee5' is not a snapshot of 'sonarr' (/data/sonarr); choose one of the listed snapshots, e.g. the latest kccc3 of 2026-05-06 03:00 +00:00", other.Message);
        Assert.Contains("not a snapshot of 'sonarr'", Assert.Throws<ServarrException>(() => plan.Choose(backups, "kddd4")).Message);
        var bad = Assert.Throws<ServarrException>(() => plan.Choose(backups, "k1; rm -rf /"));
        Assert.StartsWith("'k1; rm -rf /' is not a Kopia snapshot id of 'sonarr' (letters and digits)", bad.Message);
        Assert.Contains("not a Kopia snapshot id", Assert.Throws<ServarrException>(() => plan.Restore(new ConfigBackup("k1 && rm -rf /", DateTimeOffset.UnixEpoch))).Message);
    }

    [Fact]
    public void NoSnapshotYetIsRefusedWithTheFix()
    {
        var plan = Plan();
        const string onlyOthers = """[{"id":"keee5","source":{"path":"/data/radarr"},"startTime":"2026-05-08T03:00:00Z"}]""";

        var none = Assert.Throws<ServarrException>(() => plan.ReadBackups(onlyOthers));

        Assert.Equal("no snapshot of 'sonarr' (/data/sonarr) in 'kopia' yet; take one in the Kopia UI or wait for the schedule (backup-time), then restore", none.Message);
        Assert.Contains("no snapshot of 'sonarr'", Assert.Throws<ServarrException>(() => plan.ReadBackups("")).Message);
    }

    [Fact]
    public void TheOneOffContainersUseKopiasImageRepositoryAndStateAndTheAppsFolder()
    {
        var plan = Plan();

        var list = plan.ListBackups();
        var restore = plan.Restore(new ConfigBackup("kbbb2", DateTimeOffset.UnixEpoch));

        Assert.Equal(["/bin/sh", "-c", "exec kopia snapshot list /data/sonarr --json"], list.Command);
        Assert.Equal(["/bin/sh", "-c", "kopia restore kbbb2 /data/sonarr && chown -R 1000:1001 /data/sonarr"], restore.Command);
        Assert.Equal(("kopia-restore-sonarr", "docker.io/kopia/kopia:0.23.1", "servarr", "0:0"), (restore.Name, restore.Image, restore.Hostname, restore.User));
        Assert.Equal(("sonarr", "kopia", "/srv/cfg/sonarr", "1000:1001"), (plan.App, plan.BackupResource, plan.ConfigFolder, plan.Owner));
        Assert.Contains(new KeyValuePair<string, string>("KOPIA_PASSWORD", "pw-1"), restore.Environment);
        Assert.Contains(new KeyValuePair<string, string>("USER", "servarr"), restore.Environment);
        Assert.DoesNotContain(restore.Environment, e => e.Key.StartsWith("KOPIA_SERVER_", StringComparison.Ordinal) || e.Key.StartsWith("SERVARR_", StringComparison.Ordinal));
        Assert.Equal(
            [
                new OneOffMount("/srv/cfg/kopia", "/app/config", false, false),
                new OneOffMount("kopia-cache", "/app/cache", true, false),
                new OneOffMount("/srv/backups", "/repository", false, false),
                new OneOffMount("/srv/cfg/sonarr", "/data/sonarr", false, false),
            ], restore.Mounts);
        Assert.True(list.Mounts[^1].IsReadOnly);
        Assert.DoesNotContain(restore.Mounts, m => m.Target == "/data/radarr");
        Assert.Equal("kopia-restore-sonarr", restore.ToString());
        Assert.DoesNotContain("pw-1", restore.ToString());
    }

    [Theory]
    [InlineData("tools", "resource 'tools' is not backed up by 'kopia'; add .WithConfigBackups() (or .WithConfigBackupOf(tools)) to it and run the stack")]
    [InlineData("scratch", "resource 'scratch' has no config folder (no .WithConfigMount(host)), so nothing of it is backed up or restored")]
    public void AppsNotBackedUpAndAppsWithoutConfigAreRefused(string app, string message) =>
        Assert.Equal(message, Assert.Throws<ServarrException>(() => Plan(app, everything: false)).Message);

    [Fact]
    public void AMissingPasswordOrANonNumericOwnerIsRefused()
    {
        var noPassword = Assert.Throws<ServarrException>(() => Plan(password: null));
        Assert.Equal("resource 'kopia': parameter 'kopia-password' has no value; set it as for run (dotnet user-secrets set Parameters:kopia-password ...)", noPassword.Message);

        var owner = Assert.Throws<ServarrException>(() => Plan(pgid: "media"));
        Assert.Equal("resource 'sonarr': its owner '1000:media' is not numeric; set puid and pgid to numbers", owner.Message);
    }

    [Fact]
    public void KopiasJsonListIsRead()
    {
        const string json = """
            [{"id":"k1f","source":{"host":"servarr","userName":"servarr","path":"/data/plex"},"description":"","startTime":"2026-05-04T03:00:12.5Z","endTime":"2026-05-04T03:01:00Z"},
             {"id":"k2f","source":{"host":"servarr","userName":"servarr","path":"/data/plex"},"startTime":"2026-05-05T03:00:00Z","incomplete":"canceled"}]
            """;

        var snapshots = KopiaSnapshot.ParseList(json);

        Assert.Equal([new KopiaSnapshot("k1f", "/data/plex", new DateTimeOffset(2026, 5, 4, 3, 0, 12, 500, TimeSpan.Zero)),
            new KopiaSnapshot("k2f", "/data/plex", new DateTimeOffset(2026, 5, 5, 3, 0, 0, TimeSpan.Zero), Incomplete: true)], snapshots);
        Assert.Empty(KopiaSnapshot.ParseList(""));
        Assert.Throws<ServarrException>(() => KopiaSnapshot.ParseList("{\"id\":1}"));
        Assert.Throws<ServarrException>(() => KopiaSnapshot.ParseList("[{\"id\":1}]"));
        Assert.Throws<ServarrException>(() => KopiaSnapshot.ParseList("not json"));
    }

    /// <summary>sonarr and radarr backed up by kopia (a filesystem repository), tools not (unless <paramref name="everything"/>), scratch has no config.</summary>
    internal static KopiaRestorePlan Plan(string app = "sonarr", bool everything = true, string? password = "pw-1", string pgid = "1001")
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Parameters:config-root"] = "/srv/cfg",
            ["Parameters:pgid"] = pgid,
        };
        if (password is not null)
        {
            configuration["Parameters:kopia-password"] = password;
        }

        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, configuration);
        var host = builder.AddHost();
        var sonarr = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(host);
        var radarr = builder.AddContainer("radarr", "lscr.io/linuxserver/radarr", "6").WithConfigMount(host);
        var kopia = builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true)).WithFilesystemRepository("/srv/backups");
        builder.AddContainer("tools", "busybox", "1").WithConfigMount(host);
        builder.AddContainer("scratch", "busybox", "1");
        if (everything)
        {
            kopia.WithConfigBackups();
        }
        else
        {
            kopia.WithConfigBackupOf(sonarr).WithConfigBackupOf(radarr);
        }

        var model = builder.BuildModel();
        var values = builder.Values();
        var context = new ConfigRestoreContext(p => values.Resolve(p).Value, Path.Combine(Path.GetTempPath(), "servarr-tests", "apphost"));
        return KopiaRestorePlan.Create(kopia.Resource, model.Resources.Single(r => r.Name == app), context);
    }
}
