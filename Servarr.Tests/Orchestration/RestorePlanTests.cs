using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>The pure part of <c>restore</c>: which source, which containers, which snapshot, and the one-line refusals.</summary>
public class RestorePlanTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 5, 4, 3, 0, 0, TimeSpan.Zero);

    private static readonly KopiaSnapshot[] s_snapshots =
    [
        new("kaaa1", "/data/sonarr", s_monday),
        new("kbbb2", "/data/sonarr", s_monday.AddDays(1)),
        new("kccc3", "/data/sonarr", s_monday.AddDays(2)),
        new("kddd4", "/data/sonarr", s_monday.AddDays(3), Incomplete: true),
        new("keee5", "/data/radarr", s_monday.AddDays(4)),
    ];

    [Fact]
    public void TheLatestCompleteSnapshotOfTheAppIsChosenByDefault() =>
        Assert.Equal("kccc3", Plan().Choose(s_snapshots, snapshotId: null, at: null).Id);

    [Fact]
    public void SnapshotPicksThatOneAndAtPicksTheLatestAtOrBeforeIt()
    {
        var plan = Plan();

        Assert.Equal("kaaa1", plan.Choose(s_snapshots, "kaaa1", at: null).Id);
        Assert.Equal("kbbb2", plan.Choose(s_snapshots, null, s_monday.AddDays(1)).Id);
        Assert.Equal("kbbb2", plan.Choose(s_snapshots, null, s_monday.AddDays(1.9)).Id);
        Assert.Equal("kccc3", plan.Choose(s_snapshots, null, s_monday.AddDays(30)).Id);
    }

    [Fact]
    public void ASnapshotThatIsMissingTooEarlyOrOfAnotherAppIsRefusedWithTheFix()
    {
        var plan = Plan();

        var early = Assert.Throws<ServarrException>(() => plan.Choose(s_snapshots, null, s_monday.AddHours(-1)));
        Assert.Contains("no snapshot of 'sonarr' at or before 2026-05-04 02:00", early.Message);
        Assert.Contains("the oldest is kaaa1 of 2026-05-04 03:00 +00:00: pass a later --at", early.Message);
        var other = Assert.Throws<ServarrException>(() => plan.Choose(s_snapshots, "keee5", null));
        Assert.Contains("'keee5' is not a snapshot of 'sonarr' (/data/sonarr); the latest is kccc3", other.Message);
        Assert.Contains("not a snapshot", Assert.Throws<ServarrException>(() => plan.Choose(s_snapshots, "kddd4", null)).Message);
        var none = Assert.Throws<ServarrException>(() => plan.Choose([s_snapshots[3], s_snapshots[4]], null, null));
        Assert.Contains("no snapshot of 'sonarr' (/data/sonarr) in the repository yet", none.Message);
        Assert.Contains("not both", Assert.Throws<ServarrException>(() => plan.Choose(s_snapshots, "kaaa1", s_monday)).Message);
    }

    [Fact]
    public void TheOneOffContainersUseKopiasImageEnvironmentAndStateAndTheAppsFolder()
    {
        var plan = Plan();

        var list = plan.ListSnapshots();
        var restore = plan.Restore("kbbb2");

        Assert.Equal(["/bin/sh", "-c", "exec kopia snapshot list /data/sonarr --json"], list.Command);
        Assert.Equal(["/bin/sh", "-c", "kopia restore kbbb2 /data/sonarr && chown -R 1000:1001 /data/sonarr"], restore.Command);
        Assert.Equal(("kopia-restore-sonarr", "docker.io/kopia/kopia:0.23.1", "servarr", "0:0"), (restore.Name, restore.Image, restore.Hostname, restore.User));
        Assert.Contains(new KeyValuePair<string, string>("KOPIA_PASSWORD", "pw-1"), restore.Environment);
        Assert.Contains(new KeyValuePair<string, string>("USER", "servarr"), restore.Environment);
        Assert.Equal("restoretest", restore.Labels[ServarrLabels.App]);
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
        Assert.Contains("not a Kopia snapshot id", Assert.Throws<ServarrException>(() => plan.Restore("k1; rm -rf /")).Message);
    }

    [Theory]
    [InlineData("lidarr", "resource 'lidarr' is not a container of the model; restore one of: sonarr, radarr, tools")]
    [InlineData("scratch", "resource 'scratch' has no config folder")]
    [InlineData("tools", "resource 'tools' is not backed up by 'kopia'; add .WithConfigBackups() (or .WithConfigBackupOf(tools)) to it")]
    public void UnknownAppsAppsWithoutConfigAndAppsNotBackedUpAreRefused(string app, string message) =>
        Assert.Contains(message, Assert.Throws<ServarrException>(() => Plan(app, everything: false)).Message);

    [Fact]
    public void AModelWithoutKopiaOrWithoutItsPasswordIsRefused()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(builder.AddHost());
        var application = builder.Build();
        var noKopia = Assert.Throws<ServarrException>(() => RestorePlan.Create(application.Model, "sonarr", Run(builder)));
        Assert.Contains("the model has no Kopia, so 'sonarr' has no backups to restore; add builder.AddKopia(", noKopia.Message);

        var noPassword = Assert.Throws<ServarrException>(() => Plan(password: null));
        Assert.Contains("resource 'kopia': parameter 'kopia-password' has no value", noPassword.Message);
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
        Assert.Throws<ServarrException>(() => KopiaSnapshot.ParseList("not json"));
    }

    internal static RestorePlan Plan(string app = "sonarr", bool everything = true, string? password = "pw-1")
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Parameters:config-root"] = "/srv/cfg",
            ["Parameters:pgid"] = "1001",
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

        return RestorePlan.Create(builder.Build().Model, app, Run(builder));
    }

    private static RunContext Run(IDistributedApplicationBuilder builder) =>
        new("restoretest", "restore", builder.Values(), Path.Combine(Path.GetTempPath(), "servarr-tests", "apphost"));
}
