using Servarr.Hosting.Cli;
using Servarr.Hosting.Orchestration;
using Spectre.Console.Testing;

namespace Servarr.Tests.Cli;

/// <summary>The terminal's live table: one row per resource in start order, states, health, clickable URLs, reasons.</summary>
public class LiveStatusTableTests
{
    private static RunState Sample()
    {
        var state = new RunState();
        state.Set(new ResourceSnapshot("sonarr", ResourceState.Running, "healthy", "id1", Restarts: 2, Urls: ["http://127.0.0.1:8989"]));
        state.Set(new ResourceSnapshot("seerr", ResourceState.Waiting, Reason: "waiting for plex (Healthy)"));
        state.Set(new ResourceSnapshot("kopia", ResourceState.FailedToStart, Reason: "pull of docker.io/kopia/kopia:0.23.1 failed: [denied]"));
        return state;
    }

    [Fact]
    public void EveryResourceIsARowWithItsStateHealthRestartsAndReason()
    {
        var console = new TestConsole().Width(160);

        console.Write(LiveStatusTable.Build(Sample(), ["sonarr", "seerr", "kopia", "plex"]));

        var lines = console.Output.Split('\n');
        var sonarr = Assert.Single(lines, l => l.Contains("sonarr"));
        Assert.Matches(@"sonarr\s+│\s+Running\s+│\s+healthy\s+│\s+http://127\.0\.0\.1:8989\s+│\s+2\s+│", sonarr);
        Assert.Contains("waiting for plex (Healthy)", Assert.Single(lines, l => l.Contains("seerr")));
        Assert.Contains("failed: [denied]", Assert.Single(lines, l => l.Contains("kopia")));
        Assert.Contains("NotStarted", Assert.Single(lines, l => l.Contains("│ plex")));
        Assert.True(lines.ToList().FindIndex(l => l.Contains("sonarr")) < lines.ToList().FindIndex(l => l.Contains("seerr")));
    }

    [Fact]
    public void UrlsAreTerminalHyperlinksAndStatesAreColoured()
    {
        var console = new TestConsole().Width(160).EmitAnsiSequences();
        console.Profile.Capabilities.Links = true;

        console.Write(LiveStatusTable.Build(Sample(), ["sonarr", "kopia"]));

        Assert.Matches("\u001b\\]8;id=[0-9]+;http://127\\.0\\.0\\.1:8989\u001b\\\\", console.Output);
        Assert.Contains("\u001b[38;5;2mRunning", console.Output); // green
        Assert.Contains("\u001b[38;5;9mFailedToStart", console.Output); // red
    }

    [Fact]
    public async Task TheLiveTableRedrawsOnChangesUntilCancelled()
    {
        var console = new TestConsole().Width(160).Interactive();
        var state = new RunState();
        state.Set(new ResourceSnapshot("sonarr", ResourceState.Starting));
        using var stop = new CancellationTokenSource();

        var showing = LiveStatusTable.ShowAsync(console, state, ["sonarr"], stop.Token);
        await Task.Delay(400);
        state.Set(new ResourceSnapshot("sonarr", ResourceState.Running, "healthy"));
        await Task.Delay(400);
        await stop.CancelAsync();
        await showing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("Starting", console.Output);
        Assert.Matches(@"sonarr\s+│\s+Running\s+│\s+healthy", console.Output);
    }
}
