using Microsoft.Extensions.Configuration;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

public class ParameterValuesTests
{
    [Fact]
    public void ConfigurationWinsOverTheDefault()
    {
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:tz"] = "Europe/Amsterdam" });
        var tz = builder.AddParameter("tz", defaultValue: "Etc/UTC");
        var puid = builder.AddParameter("puid", defaultValue: "1000");
        var values = builder.Values();

        Assert.Equal(new ParameterValue("Europe/Amsterdam", ParameterValueSource.Configuration, false), values.Resolve(tz.Resource));
        Assert.Equal(new ParameterValue("1000", ParameterValueSource.Default, false), values.Resolve(puid.Resource));
    }

    [Fact]
    public void GeneratedSecretIsCreatedOnceInRunModeAndKeptInUserSecrets()
    {
        using var temp = new TempDirectory();
        var store = new UserSecretsStore(temp.Combine("secrets.json"));
        var key = new ParameterResource("sonarr-api-key", secret: true, new GenerateParameterDefault(32));
        var run = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run);

        var first = new ParameterValues(new ConfigurationBuilder().Build(), run, store).Resolve(key);
        var again = new ParameterValues(new ConfigurationBuilder().AddJsonFile(store.FilePath).Build(), run, store).Resolve(key);

        Assert.Equal(ParameterValueSource.Generated, first.Source);
        Assert.Matches("^[0-9a-f]{32}$", first.Value);
        Assert.Equal(first.Value, store.Get("Parameters:sonarr-api-key"));
        Assert.Equal(new ParameterValue(first.Value, ParameterValueSource.Configuration, true), again);
    }

    [Fact]
    public void PublishingNeverGeneratesOrSavesSecrets()
    {
        using var temp = new TempDirectory();
        var store = new UserSecretsStore(temp.Combine("secrets.json"));
        var key = new ParameterResource("sonarr-api-key", secret: true, new GenerateParameterDefault(32));
        var publish = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish);

        var value = new ParameterValues(new ConfigurationBuilder().Build(), publish, store).Resolve(key);

        Assert.Equal(ParameterValueSource.Missing, value.Source);
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public void SecretValuesAreMaskedWhenPrinted()
    {
        Assert.Equal("***** (Configuration)", new ParameterValue("hunter2", ParameterValueSource.Configuration, true).ToString());
        Assert.Equal("Etc/UTC (Default)", new ParameterValue("Etc/UTC", ParameterValueSource.Default, false).ToString());
    }

    [Fact]
    public void UserSecretsStoreKeepsOtherKeysAndIsPrivate()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("secrets.json");
        File.WriteAllText(path, """{ "Parameters:plex-claim": "claim-abc", "Other": "kept" }""");
        var store = new UserSecretsStore(path);

        store.Set("Parameters:sonarr-api-key", "0123");

        Assert.Equal("claim-abc", store.Get("Parameters:plex-claim"));
        Assert.Equal("kept", store.Get("Other"));
        Assert.Equal("0123", store.Get("Parameters:sonarr-api-key"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
