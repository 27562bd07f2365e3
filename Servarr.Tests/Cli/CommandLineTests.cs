using Servarr.Hosting.Cli;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Cli;

/// <summary>The AppHost's command line, run through the real Program.cs.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task UnknownPublisherIsOneLineAndWritesNothing()
    {
        using var temp = new TempDirectory();

        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "helm", "--output-path", temp.Path]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal(
            "error: --publisher: unknown publisher 'helm'; use --publisher manifest or --publisher compose or --publisher kubernetes or --publisher cloudflare (several: --publisher manifest,compose)\n1 problem(s) found; nothing was written or started.\n",
            result.Error.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task AspireStyleSwitchesWithoutAVerbPublish()
    {
        using var temp = new TempDirectory();

        var result = await AppHostRunner.RunAsync(["--publisher", "compose", "--output-path", temp.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(temp.Combine("docker-compose.yaml")));
        Assert.Contains($"Published compose to {temp.Combine("docker-compose.yaml")}", result.Output);
    }

    [Fact]
    public async Task SeveralPublishersWriteEveryFormatIntoOneDirectoryInOneRun()
    {
        using var temp = new TempDirectory();

        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "manifest,compose", "--output-path", temp.Path]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([".env", "aspire-manifest.json", "docker-compose.yaml", "prepare-host.sh"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SeveralPublishersRefuseAJsonFileAsOutput()
    {
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "manifest,compose", "--output-path", "out.json"]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("error: --output-path out.json names a file, but several publishers need a directory; pass a folder such as deploy\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ComposeOutputPathThatIsAFileIsRefusedInOneLine()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("not-a-folder");
        await File.WriteAllTextAsync(file, "keep me");

        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--output-path", file]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal($"error: --output-path {file} is a file, but the compose publisher writes a folder; pass a directory such as deploy/compose\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task UnwritableOutputIsOneLineWithoutAStackTrace()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("blocker"), "");

        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "manifest", "--output-path", temp.Combine("blocker", "m.json")]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("check the path and its permissions", result.Error);
    }

    [Fact]
    public async Task RunChecksTheModelFirstAndAWrongValueStartsNothing()
    {
        // Missing values no longer stop a run (what needs them waits, see FirstRunTests); a wrong one still does.
        using var temp = new TempDirectory();
        var library = temp.Combine("no-such-library");
        var result = await AppHostRunner.RunAsync(["run"], new Dictionary<string, string?>
        {
            ["Parameters:media-root"] = library,
            ["Parameters:config-root"] = temp.Combine("config"),
        });

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"or point parameter 'media-root' at your library", result.Error);
        Assert.DoesNotContain("required parameter has no value", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(temp.Combine("config")), "nothing is created when the model is refused");
    }

    [Fact]
    public async Task RunWithoutAnEngineSaysSoInOneLine()
    {
        using var temp = new TempDirectory();
        var configuration = StackParameters.ForRun(temp);
        var endpoint = $"unix://{temp.Combine("no-engine.sock")}";
        configuration["DOCKER_HOST"] = endpoint;

        var result = await AppHostRunner.RunAsync(["run"], configuration);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal($"error: Docker engine not reachable at {endpoint} — start Docker or set DOCKER_HOST\n", result.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(temp.Combine("config")), "nothing is created before the engine answers");
    }

    [Fact]
    public async Task DownWithVolumesNeedsConfirmationWhenNotOnATerminal()
    {
        Assert.True(Console.IsInputRedirected, "the test host's input is expected to be redirected");

        var result = await AppHostRunner.RunAsync(["down", "--volumes"]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("error: --volumes deletes the apps' data; add --yes to confirm when not on a terminal\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task HelpNamesTheVerbsAndPublishers()
    {
        var root = await AppHostRunner.RunAsync(["--help"]);
        var publish = await AppHostRunner.RunAsync(["publish", "--help"]);

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("run", root.Output);
        Assert.Contains("publish", root.Output);
        Assert.Contains("media stack", root.Output);
        Assert.Contains("manifest or compose", publish.Output);
        Assert.Contains("--output-path", publish.Output);
        Assert.Contains("--with-dashboard", publish.Output);
        var run = await AppHostRunner.RunAsync(["run", "--help"]);
        Assert.Contains("--no-dashboard", run.Output);
        Assert.Contains("--no-dashboard", root.Output);
    }

    [Fact]
    public async Task ParseErrorsExitNonZeroWithoutAStackTrace()
    {
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--frobnicate"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
