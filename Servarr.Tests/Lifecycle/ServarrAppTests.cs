using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Servarr.Hosting;
using Servarr.Hosting.Lifecycle;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Lifecycle;

/// <summary>
/// What ends the AppHost before its model exists: a configuration file it cannot read, an argument Aspire's own verbs
/// refuse. One line each, exit code 1.
/// </summary>
public class ServarrAppTests
{
    private const string SecretsId = "servarr-apphost-6f1d2c0e"; // Servarr.AppHost.csproj's UserSecretsId

    [Fact]
    public void ABrokenAppsettingsIsItsPathItsLineAndTheFix()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("Servarr.AppHost", "appsettings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{\n  \"Parameters\": {\n    \"tz\": \"Europe/Amsterdam\"\n    \"puid\": \"1000\"\n  }\n}\n");

        var line = ConfigurationErrors.Describe(LoadError(file), folder.Path);

        Assert.Equal("Servarr.AppHost/appsettings.json line 4: '\"' is invalid after a value. Expected either ',', '}', or ']'; "
            + "fix the JSON there (a missing comma, quote or value, or a key given twice) and run again", line);
    }

    [Fact]
    public void AKeyGivenTwiceHasNoLineButTheKey()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("appsettings.json");
        File.WriteAllText(file, "{\n  \"Parameters\": { \"tz\": \"a\", \"TZ\": \"b\" }\n}\n");

        var line = ConfigurationErrors.Describe(LoadError(file), "/somewhere/else");

        Assert.Equal($"{file}: A duplicate key 'Parameters:TZ' was found; fix the JSON there (a missing comma, quote or value, or a key given twice) and run again", line);
    }

    [Fact]
    public void ABrokenSecretsFileSaysHowToRepairIt()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine(".microsoft", "usersecrets", SecretsId, "secrets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{\n  \"Parameters:tunnel-token\": \n}\n");

        var line = ConfigurationErrors.Describe(LoadError(file), "/work");

        Assert.Equal($"{file} line 3: '}}' is an invalid start of a value; fix the JSON in that file, or delete the file to start over "
            + "(every saved secret is lost; dotnet user-secrets cannot open a broken file either), then set the secrets again with "
            + "dotnet user-secrets set Parameters:<name> <value> --project Servarr.AppHost", line);
    }

    [Fact]
    public void OtherFailuresAreNotConfigurationErrors()
    {
        Assert.Null(ConfigurationErrors.Describe(new InvalidOperationException("boom"), "/"));
        Assert.Null(ServarrApp.Lines(new InvalidOperationException("boom"), typeof(ServarrAppTests).Assembly));
        Assert.Null(ServarrApp.Lines(new ArgumentNullException("builder"), typeof(ServarrAppTests).Assembly));
    }

    [Fact]
    public void AnArgumentAspireRefusesInProgramCsIsTheCallsLine()
    {
        var builder = TestAppBuilder.Create();
        var name = "Bad_Name";
        var exception = Record.Exception(() => builder.AddContainer(name, "docker.io/library/app", "1.0")); var line = Line();

        var lines = ServarrApp.Lines(exception!, typeof(ServarrAppTests).Assembly);

        Assert.Equal([$"{ThisFile()} line {line}: Resource name 'Bad_Name' is invalid. Name must contain only ASCII letters, digits, and hyphens; fix that call"], lines);
    }

    [Fact]
    public void ANameUsedTwiceInProgramCsIsTheCallsLine()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0");
        var exception = Record.Exception(() => builder.AddContainer("app", "docker.io/library/app", "1.0")); var line = Line();

        var lines = ServarrApp.Lines(exception!, typeof(ServarrAppTests).Assembly);

        Assert.Equal([$"{ThisFile()} line {line}: Cannot add resource of type 'Aspire.Hosting.ApplicationModel.ContainerResource' with name 'app' "
            + "because resource of type 'Aspire.Hosting.ApplicationModel.ContainerResource' with that name already exists. Resource names are case-insensitive; fix that call"], lines);
    }

    [Fact]
    public void TheRealAppHostWithABrokenAppsettingsPrintsOneLineAndExits1()
    {
        using var root = new TempDirectory();
        File.WriteAllText(root.Combine("appsettings.json"), "{\n  \"Parameters\": {\n    \"tz\": \"Europe/Amsterdam\",\n    \"puid\": ,\n  }\n}\n");

        var (exitCode, stdout, stderr) = RunAppHost(root.Path, root.Path, environment: "Production");

        Assert.Equal(("", 1), (stdout, exitCode));
        Assert.Equal("error: appsettings.json line 4: ',' is an invalid start of a value; "
            + "fix the JSON there (a missing comma, quote or value, or a key given twice) and run again\n", stderr);
    }

    [Fact]
    public void TheRealAppHostWithABrokenSecretsFilePrintsOneLineAndExits1()
    {
        using var root = new TempDirectory();
        using var home = new TempDirectory();
        var secrets = home.Combine(".microsoft", "usersecrets", SecretsId, "secrets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        File.WriteAllText(secrets, "{\n  \"Parameters:kopia-password\": \"x\"\n  \"Parameters:tunnel-token\": \"y\"\n}\n");

        var (exitCode, stdout, stderr) = RunAppHost(root.Path, home.Path, environment: "Development");

        Assert.Equal(("", 1), (stdout, exitCode));
        Assert.Equal($"error: {secrets} line 3: '\"' is invalid after a value. Expected either ',', '}}', or ']'; fix the JSON in that file, or delete the file to start over "
            + "(every saved secret is lost; dotnet user-secrets cannot open a broken file either), then set the secrets again with "
            + "dotnet user-secrets set Parameters:<name> <value> --project Servarr.AppHost\n", stderr);
    }

    private static int Line([CallerLineNumber] int line = 0) => line;

    // The test runs in its bin folder, outside the source tree: the path is printed whole.
    private static string ThisFile([CallerFilePath] string file = "") => file;

    private static Exception LoadError(string file) =>
        Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddJsonFile(file).Build());

    /// <summary>
    /// Runs the built AppHost (`dotnet Servarr.AppHost.dll`) with its content root (appsettings.json) and home (user
    /// secrets) in temp folders; a publishing step, so a regression that gets past CreateBuilder starts no container.
    /// </summary>
    private static (int ExitCode, string Stdout, string Stderr) RunAppHost(string contentRoot, string home, string environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Servarr.AppHost.dll"), "--operation", "publish", "--step", "doctor" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CONTENTROOT"] = contentRoot;
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPIRE_INTERACTIVITY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the AppHost did not stop within 90 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
