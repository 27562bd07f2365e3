using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Cli;

/// <summary><c>doctor</c>: the default stack's exposure report (reviewed golden file) and its problems.</summary>
public class DoctorCommandTests
{
    [Fact]
    public async Task TheDefaultStacksExposureReportMatchesTheReviewedGoldenFile()
    {
        var result = await AppHostRunner.RunAsync(["doctor"], new Dictionary<string, string?> { ["Parameters:domain"] = "media.example.org" });

        var report = result.Output[..result.Output.IndexOf("\nProblems", StringComparison.Ordinal)];
        Golden.AssertMatches(report + "\n", "Servarr.Tests/Cli/Expected/default-stack.doctor.txt");
        Assert.Contains("  plex                 32400/tcp  — LAN and plex.direct clients connect to Plex directly on its port\n", report);
        Assert.Contains("  status.media.example.org http://uptime-kuma:3001\n", report);
        Assert.Contains("  default              kopia, watchtower\n", report);
    }

    [Fact]
    public async Task WithEveryValueSetThereAreNoProblemsAndASecretNeverShows()
    {
        using var temp = new TempDirectory();
        var configuration = StackParameters.ForRun(temp);
        configuration["Parameters:kopia-password"] = "canary-kopia-password-3141";

        var result = await AppHostRunner.RunAsync(["doctor"], configuration);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.EndsWith("Problems: none\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("canary-kopia-password-3141", result.Output);
        Assert.Contains($"{temp.Combine("config", "sonarr")}  — config", result.Output);
    }

    [Fact]
    public async Task AMissingValueIsListedAsWaitingNotAsAProblem()
    {
        var result = await AppHostRunner.RunAsync(["doctor"]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Problems: none", result.Output);
        Assert.Contains("  kopia-password — kopia\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Contains("  wireguard-private-key — gluetun\n", result.Output.ReplaceLineEndings("\n"));
    }
}
