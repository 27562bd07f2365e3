using Servarr.Hosting.Cli;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Cli;

/// <summary><c>restore</c>'s refusals on the default stack: one line each, before any engine call.</summary>
public class RestoreCommandTests
{
    [Theory]
    [InlineData(new[] { "restore", "lidarr" }, "error: resource 'lidarr' is not a container of the model; restore one of: gluetun, qbittorrent, prowlarr, sonarr, radarr, plex,")]
    [InlineData(new[] { "restore", "cloudflared" }, "error: resource 'cloudflared' has no config folder")]
    [InlineData(new[] { "restore", "sonarr" }, "error: resource 'kopia': parameter 'kopia-password' has no value; set it as for run (dotnet user-secrets set Parameters:kopia-password ...)")]
    [InlineData(new[] { "restore", "sonarr", "--snapshot", "k1", "--at", "2026-05-01" }, "error: give --snapshot or --at, not both")]
    [InlineData(new[] { "restore", "sonarr", "--at", "last tuesday" }, "error: --at 'last tuesday' is not a date and time; write it like 2024-05-01T03:00")]
    public async Task RefusalsAreOneActionableLine(string[] args, string expected)
    {
        var result = await AppHostRunner.RunAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith(expected, result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task TheAppArgumentIsRequired()
    {
        var result = await AppHostRunner.RunAsync(["restore"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("(see --help)", result.Error);
    }
}
