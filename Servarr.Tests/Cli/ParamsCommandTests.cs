using System.CommandLine;
using System.Text.RegularExpressions;
using Servarr.Hosting;
using Servarr.Hosting.Cli;
using Servarr.Tests.TestSupport;
using Spectre.Console.Testing;

namespace Servarr.Tests.Cli;

/// <summary>
/// The <c>params</c> verb on the real Program.cs: every parameter with its status and source, secrets masked (canary);
/// <c>--set</c> saves to user-secrets; <c>--reveal</c> prints one value; a terminal is asked for the missing ones.
/// </summary>
public class ParamsCommandTests
{
    private const string Canary = "canary-params-secret-1618";

    private static string Line(string output, string parameter) =>
        output.ReplaceLineEndings("\n").Split('\n').Single(l => Regex.IsMatch(l, $@"^{Regex.Escape(parameter)}( \(secret\))?\s"));

    [Fact]
    public async Task TheListingShowsEveryStatusAndWhereTheValueComesFromWithSecretsMasked()
    {
        using var temp = new TempDirectory();
        var secrets = new UserSecretsStore(temp.Combine("secrets.json"));
        secrets.Set("Parameters:sonarr-api-key", "0123456789abcdef0123456789abcdef");
        secrets.Set("Parameters:r2-secret-access-key", Canary);

        var result = await AppHostRunner.RunAsync(["params"], new Dictionary<string, string?> { ["Parameters:vpn-provider"] = "mullvad" },
            userSecretsPath: secrets.FilePath);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.DoesNotContain(Canary, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("PARAMETER", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"^tz\s+default\s+appsettings\.json\s+Etc/UTC\s+", Line(result.Output, "tz"));
        Assert.Matches(@"^vpn-provider\s+set\s+command line\s+mullvad\s+gluetun$", Line(result.Output, "vpn-provider"));
        Assert.Matches(@"^r2-secret-access-key \(secret\)\s+set\s+user-secrets\s+\*{5}\s+kopia$", Line(result.Output, "r2-secret-access-key"));
        Assert.Matches(@"^sonarr-api-key \(secret\)\s+generated\s+user-secrets\s+\*{5}\s+", Line(result.Output, "sonarr-api-key"));
        Assert.Matches(@"^radarr-api-key \(secret\)\s+generated on first run\s+-\s+radarr$", Line(result.Output, "radarr-api-key"));
        Assert.Matches(@"^wireguard-private-key \(secret\)\s+missing\s+-\s+gluetun$", Line(result.Output, "wireguard-private-key"));
        Assert.Matches(@"^plex-claim \(secret\)\s+default\s+Program\.cs\s+\(empty\)\s+plex$", Line(result.Output, "plex-claim"));
        Assert.Matches($@"^config-root\s+development folder\s+Program\.cs\s+{Regex.Escape(RepositoryPaths.AppHostDirectory)}/\.servarr/config\s+", Line(result.Output, "config-root"));
        Assert.Matches(@"^tunnel-id\s+missing\s+-$", Line(result.Output, "tunnel-id")); // unused in remote mode: listed, not counted
        Assert.Matches(@"\n8 missing; what uses them waits \(optional features are off\)\. Set one with: dotnet run --project Servarr.AppHost -- params --set \S+=<value>",
            result.Output);
    }

    [Fact]
    public async Task SetSavesToUserSecretsKeepsOtherKeysAndNeverPrintsTheValue()
    {
        using var temp = new TempDirectory();
        var secrets = new UserSecretsStore(temp.Combine("secrets.json"));
        secrets.Set("Parameters:sonarr-api-key", "feedfeedfeedfeedfeedfeedfeedfeed");

        var result = await AppHostRunner.RunAsync(["params", "--set", $"wireguard-private-key={Canary}", "--set", "vpn-provider=mullvad=x"],
            userSecretsPath: secrets.FilePath);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal((Canary, "mullvad=x", "feedfeedfeedfeedfeedfeedfeedfeed"),
            (secrets.Get("Parameters:wireguard-private-key"), secrets.Get("Parameters:vpn-provider"), secrets.Get("Parameters:sonarr-api-key")));
        Assert.Contains($"saved wireguard-private-key to user-secrets ({secrets.FilePath})", result.Output);
        Assert.DoesNotContain(Canary, result.Output, StringComparison.Ordinal);
        Assert.Matches(@"^wireguard-private-key \(secret\)\s+set\s+user-secrets\s+\*{5}\s+gluetun$", Line(result.Output, "wireguard-private-key"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secrets.FilePath));
        }
    }

    [Fact]
    public async Task RevealPrintsOneValueAndAGeneratedOneIsKeptForTheRun()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("secrets.json");

        var first = await AppHostRunner.RunAsync(["params", "--reveal", "sonarr-api-key"], userSecretsPath: path);
        var second = await AppHostRunner.RunAsync(["params", "--reveal", "sonarr-api-key"], userSecretsPath: path);
        var plain = await AppHostRunner.RunAsync(["params", "--reveal", "tz"], userSecretsPath: path);

        Assert.Matches("^[0-9a-f]{32}\n$", first.Output.ReplaceLineEndings("\n"));
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Output.Trim(), new UserSecretsStore(path).Get("Parameters:sonarr-api-key"));
        Assert.Equal("Etc/UTC", plain.Output.Trim());
    }

    [Theory]
    [InlineData("--set", "no-such-param=1", "error: parameter 'no-such-param' is not in this AppHost; `params` lists them: domain, tz,")]
    [InlineData("--set", "wireguard-private-key", "error: --set 'wireguard-private-key' is not name=value; write it like --set wireguard-private-key=<key>")]
    [InlineData("--reveal", "wireguard-private-key", "error: parameter 'wireguard-private-key' has no value yet; set it with --set wireguard-private-key=<value>")]
    public async Task BadInputIsOneLineNamingTheFixAndWritesNothing(string option, string value, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("secrets.json");

        var result = await AppHostRunner.RunAsync(["params", option, value], userSecretsPath: path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task OnATerminalTheMissingValuesAreAskedForWithSecretInputHidden()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("secrets.json");
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            AppHostDirectory = temp.Path,
            UserSecretsPath = path,
            ReadMachineConfiguration = false,
        });
        var key = builder.AddParameter("vpn-key", secret: true, description: "WireGuard key");
        var region = builder.AddParameter("vpn-region", description: "Region");
        var skipped = builder.AddParameter("later", description: "Left for later");
        builder.AddContainer("vpn", "docker.io/library/vpn", "1.0").WithEnvironment("KEY", key).WithEnvironment("REGION", region).WithEnvironment("L", skipped);
        var app = builder.Build();
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("y");
        console.Input.PushTextWithEnter(Canary);
        console.Input.PushTextWithEnter("nl");
        console.Input.PushKey(ConsoleKey.Enter);
        var output = new StringWriter();

        var command = ParamsCommand.Create(app, output, () => console);
        var exit = await command.Parse([]).InvokeAsync();

        Assert.Equal(0, exit);
        var store = new UserSecretsStore(path);
        Assert.Equal((Canary, "nl", null), (store.Get("Parameters:vpn-key"), store.Get("Parameters:vpn-region"), store.Get("Parameters:later")));
        Assert.Contains("vpn-key (WireGuard key):", console.Output);
        Assert.DoesNotContain(Canary, console.Output + output, StringComparison.Ordinal);
        Assert.Matches(@"^later\s+missing\s+-\s+vpn$", Line(output.ToString()[output.ToString().LastIndexOf("PARAMETER", StringComparison.Ordinal)..], "later"));
    }

    [Fact]
    public async Task SetWithoutUserSecretsSaysHowToGiveTheValueInstead()
    {
        using var temp = new TempDirectory();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { AppHostDirectory = temp.Path, ReadMachineConfiguration = false });
        builder.AddContainer("vpn", "docker.io/library/vpn", "1.0").WithEnvironment("KEY", builder.AddParameter("vpn-key", secret: true));
        var command = ParamsCommand.Create(builder.Build(), new StringWriter(), () => null);

        var refused = await Assert.ThrowsAsync<ServarrException>(() => command.Parse(["--set", "vpn-key=x"])
            .InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));

        Assert.Equal("this AppHost has no UserSecretsId, so values cannot be saved; add <UserSecretsId> to its .csproj or set them as environment variables (Parameters__<name>)",
            refused.Message);
    }

    [Fact]
    public void AFolderParametersPublishedValueMustBeAHostPath()
    {
        var builder = TestAppBuilder.Create();

        var refused = Assert.Throws<ArgumentException>(() => builder.AddFolderParameter("media-root", ".servarr/data", "srv/media"));

        Assert.StartsWith("Parameter 'media-root': the published value 'srv/media' must be an absolute path on the host, e.g. /srv/media.", refused.Message, StringComparison.Ordinal);
    }
}
