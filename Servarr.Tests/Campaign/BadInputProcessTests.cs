using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Campaign;

/// <summary>
/// Issue 15's campaign as a user meets it: every case of <see cref="BadInputCases"/> (a Program.cs mistake or a parameter
/// value), a bad command line and a broken appsettings.json, each run as its own AppHost process
/// (TestSupport/CampaignHost) publishing into a folder that already holds an earlier publish. Each must exit 1, print
/// exactly one <c>error: ...</c> line and no stack trace, and leave the folder byte for byte as it was.
/// </summary>
public class BadInputProcessTests
{
    public static TheoryData<BadInputCases.BadInput> Cases => [.. BadInputCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachCaseExitsWithOneLineAndWritesNothing(BadInputCases.BadInput input)
    {
        using var temp = new TempDirectory();
        var output = EarlierPublish(temp);
        var before = TreeSnapshot.Of(output);
        var environment = (input.Configuration ?? new Dictionary<string, string?>())
            .ToDictionary(c => c.Key.Replace(":", "__", StringComparison.Ordinal), c => c.Value ?? "");
        environment["SERVARR_CAMPAIGN_CASE"] = input.Name;

        var run = Run(temp, ["--operation", "publish", "--step", "publish-compose", "--output-path", output], environment);

        AssertOneLine(run, input.Expected);
        Assert.Equal(before, TreeSnapshot.Of(output));
    }

    [Fact]
    public void TheCleanModelPublishesSoTheHarnessCanSucceed()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");

        var run = Run(temp, ["--operation", "publish", "--step", "publish-compose", "--output-path", output], []);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("  clean:\n", File.ReadAllText(Path.Combine(output, "docker-compose.yaml")));
    }

    [Fact]
    public void AnEmptyOutputPathIsOneLine()
    {
        using var temp = new TempDirectory();

        var run = Run(temp, ["--operation", "publish", "--step", "publish-compose", "--output-path", ""], []);

        AssertOneLine(run, "--output-path is empty; give the folder to write the compose files into, e.g. --output-path deploy/compose");
        Assert.Equal(["<no folder>"], TreeSnapshot.Of(temp.Combine("deploy")));
    }

    [Fact]
    public void ABadKubernetesSettingIsOneLineAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var output = EarlierPublish(temp);
        var before = TreeSnapshot.Of(output);

        var run = Run(temp, ["--operation", "publish", "--step", "publish-kubernetes", "--output-path", output], new() { ["Kubernetes__VolumeSize"] = "ten" });

        AssertOneLine(run, "Kubernetes:VolumeSize is 'ten'; use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)");
        Assert.Equal(before, TreeSnapshot.Of(output));
    }

    [Fact]
    public void ABrokenAppsettingsFileIsOneLineNamingFileAndLine()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("appsettings.json"), "{\n  \"Parameters\": {\n    \"tz\": \"Etc/UTC\",\n  }\n  \"Kubernetes\": {}\n}\n");
        var output = EarlierPublish(temp);
        var before = TreeSnapshot.Of(output);

        var run = Run(temp, ["--operation", "publish", "--step", "publish-compose", "--output-path", output], []);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: appsettings.json line 5: ", line);
        Assert.Equal(before, TreeSnapshot.Of(output));
    }

    private static void AssertOneLine(TestSupport.DockerEngine.Output run, string expected)
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run}");
        Assert.Equal([$"error: {expected}"], run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.StandardOutput, StringComparison.Ordinal); // no stack trace anywhere
        Assert.DoesNotContain("Exception", run.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>A folder holding what an earlier publish wrote, with a file of the user's among it.</summary>
    private static string EarlierPublish(TempDirectory temp)
    {
        var output = temp.Combine("deploy");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "docker-compose.yaml"), "services: {}\n");
        File.WriteAllText(Path.Combine(output, ".env"), "TZ=Europe/Amsterdam # typed by the user\n");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine\n");
        return output;
    }

    private static TestSupport.DockerEngine.Output Run(TempDirectory temp, string[] args, Dictionary<string, string> environment)
    {
        environment["DOTNET_NOLOGO"] = "1";
        return TestSupport.DockerEngine.Run("dotnet", [CampaignHost, .. args], TimeSpan.FromSeconds(60), temp.Path, environment);
    }

    /// <summary>The campaign AppHost, built with the tests in the same configuration.</summary>
    private static string CampaignHost
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0
            var path = Path.Combine(RepositoryPaths.Tests, "TestSupport", "CampaignHost", "bin", configuration, "net10.0", "CampaignHost.dll");
            Assert.True(File.Exists(path), $"{path} is missing; it is built with Servarr.Tests (a ProjectReference)");
            return path;
        }
    }
}
