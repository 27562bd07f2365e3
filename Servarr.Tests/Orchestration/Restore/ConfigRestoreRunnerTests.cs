using Microsoft.Extensions.Logging;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Restore;
using Servarr.Tests.Integrations.Kopia;

namespace Servarr.Tests.Orchestration.Restore;

/// <summary>The restore's steps on fakes: order, the app started again whatever happens, nothing touched on a refusal or a cancel.</summary>
public class ConfigRestoreRunnerTests
{
    private const string Listed = """[{"id":"kold1","source":{"path":"/data/sonarr"},"startTime":"2026-05-01T03:00:00Z"},{"id":"knew2","source":{"path":"/data/sonarr"},"startTime":"2026-05-02T03:00:00Z"}]""";

    [Fact]
    public async Task TheAppIsStoppedRestoredFromTheLatestSnapshotAndStartedAgain()
    {
        var fakes = new Fakes();

        var restored = await fakes.RunAsync();

        Assert.Equal("knew2", restored?.Id);
        Assert.Equal(["one-off kopia-restore-sonarr: exec kopia snapshot list /data/sonarr --json", "choose from knew2,kold1", "confirm knew2", "stop sonarr",
            "one-off kopia-restore-sonarr: kopia restore knew2 /data/sonarr && chown -R 1000:1001 /data/sonarr", "start sonarr"], fakes.Calls);
        Assert.True(fakes.IsRunning);
        Assert.Contains("restored 'sonarr' from knew2 of 2026-05-02 03:00 +00:00 into /srv/cfg/sonarr, owned by 1000:1001; 'sonarr' was started again", fakes.Lines);
        Assert.DoesNotContain(fakes.Lines, l => l.Contains("pw-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheChosenSnapshotIsRestored()
    {
        var fakes = new Fakes { Choice = "kold1" };

        var restored = await fakes.RunAsync();

        Assert.Equal("kold1", restored?.Id);
        Assert.Contains(fakes.Calls, c => c.EndsWith("kopia restore kold1 /data/sonarr && chown -R 1000:1001 /data/sonarr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedRestoreStartsTheAppAgainAndSaysSo()
    {
        var fakes = new Fakes { Result = c => c.Command[^1].StartsWith("kopia restore", StringComparison.Ordinal)
            ? new OneOffResult(1, "", "ERROR unable to write: no space left on device\n") : new OneOffResult(0, Listed, "") };

        var error = await Assert.ThrowsAsync<ServarrException>(fakes.RunAsync);

        Assert.Equal("restore of 'sonarr' from knew2 failed (ERROR unable to write: no space left on device); 'sonarr' was started again; /srv/cfg/sonarr may be partly restored: run the restore again", error.Message);
        Assert.True(fakes.IsRunning);
        Assert.Equal("start sonarr", fakes.Calls[^1]);
    }

    [Fact]
    public async Task ACancelledOrBrokenRestoreStartsTheAppAgain()
    {
        var fakes = new Fakes { Result = c => c.Command[^1].StartsWith("kopia restore", StringComparison.Ordinal)
            ? throw new OperationCanceledException() : new OneOffResult(0, Listed, "") };

        await Assert.ThrowsAsync<OperationCanceledException>(fakes.RunAsync);

        Assert.True(fakes.IsRunning);
        Assert.Equal("start sonarr", fakes.Calls[^1]);
    }

    [Theory]
    [InlineData("listing fails", "restore of 'sonarr': listing its backups with 'kopia' failed (ERROR error connecting to repository: repository not initialized); make sure 'kopia' runs and is connected to its repository (its console log), then retry. Nothing was changed.")]
    [InlineData("no snapshot", "no snapshot of 'sonarr' (/data/sonarr) in 'kopia' yet; take one in the Kopia UI or wait for the schedule (backup-time), then restore")]
    [InlineData("bad choice", "'k1;reboot' is not a Kopia snapshot id of 'sonarr' (letters and digits); choose one of the listed snapshots, e.g. the latest knew2 of 2026-05-02 03:00 +00:00")]
    public async Task RefusalsBeforeTheRestoreLeaveTheAppAlone(string refusal, string message)
    {
        var fakes = new Fakes();
        switch (refusal)
        {
            case "listing fails":
                fakes.Result = _ => new OneOffResult(1, "", "ERROR error connecting to repository: repository not initialized\n");
                break;
            case "no snapshot":
                fakes.Result = _ => new OneOffResult(0, "[]\n", "");
                break;
            default:
                fakes.Choice = "k1;reboot";
                break;
        }

        var error = await Assert.ThrowsAsync<ServarrException>(fakes.RunAsync);

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain(fakes.Calls, c => c.StartsWith("st", StringComparison.Ordinal) || c.Contains("kopia restore", StringComparison.Ordinal));
        Assert.True(fakes.IsRunning);
    }

    [Fact]
    public async Task CancellingTheChoiceOrTheConfirmationChangesNothing()
    {
        var cancelled = new Fakes { Choice = null };
        var declined = new Fakes { Confirmed = false };

        Assert.Null(await cancelled.RunAsync());
        Assert.Null(await declined.RunAsync());

        Assert.All(new[] { cancelled, declined }, f =>
        {
            Assert.DoesNotContain(f.Calls, c => c.StartsWith("st", StringComparison.Ordinal) || c.Contains("kopia restore", StringComparison.Ordinal));
            Assert.Contains("restore of 'sonarr' cancelled; nothing was changed", f.Lines);
        });
    }

    [Fact]
    public async Task AnAppThatIsNotRunningIsRestoredAndLeftStopped()
    {
        var fakes = new Fakes { IsRunning = false };

        await fakes.RunAsync();

        Assert.DoesNotContain(fakes.Calls, c => c.StartsWith("st", StringComparison.Ordinal));
        Assert.Equal(2, fakes.Calls.Count(c => c.StartsWith("one-off", StringComparison.Ordinal)));
        Assert.Contains(fakes.Lines, l => l.EndsWith("'sonarr' was not running and was left stopped", StringComparison.Ordinal));
    }

    /// <summary>Engine, dialog, app and log in one: every call recorded in order.</summary>
    private sealed class Fakes : IOneOffContainerEngine, IRestoreDialog, IRestoredApp, ILogger
    {
        public List<string> Calls { get; } = [];

        public List<string> Lines { get; } = [];

        public Func<OneOffContainerSpec, OneOffResult> Result { get; set; } = _ => new OneOffResult(0, Listed, "");

        public string? Choice { get; set; } = "";

        public bool Confirmed { get; set; } = true;

        public bool IsRunning { get; set; } = true;

        public Task<ConfigBackup?> RunAsync() =>
            ConfigRestoreRunner.RunAsync(KopiaRestorePlanTests.Plan(), this, this, this, this, CancellationToken.None);

        public Task<OneOffResult> RunOneOffAsync(OneOffContainerSpec container, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Calls.Add($"one-off {container.Name}: {container.Command[^1]}");
            return Task.FromResult(Result(container));
        }

        public Task<string?> ChooseBackupAsync(IConfigRestorePlan plan, IReadOnlyList<ConfigBackup> backups, CancellationToken cancellationToken)
        {
            Calls.Add($"choose from {string.Join(',', backups.Select(b => b.Id))}");
            return Task.FromResult(Choice == "" ? backups[0].Id : Choice);
        }

        public Task<bool> ConfirmAsync(IConfigRestorePlan plan, ConfigBackup backup, CancellationToken cancellationToken)
        {
            Calls.Add($"confirm {backup.Id}");
            return Task.FromResult(Confirmed);
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Calls.Add("stop sonarr");
            IsRunning = false;
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Calls.Add("start sonarr");
            IsRunning = true;
            return Task.CompletedTask;
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
