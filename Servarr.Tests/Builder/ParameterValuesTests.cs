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
        var tz = builder.AddParameter("tz", "Etc/UTC", publishValueAsDefault: true);
        var puid = builder.AddParameter("puid", "1000", publishValueAsDefault: true);
        var values = builder.Values();

        Assert.Equal(new ParameterValue("Europe/Amsterdam", ParameterValueSource.Configuration, false), values.Resolve(tz.Resource));
        Assert.Equal(new ParameterValue("1000", ParameterValueSource.Default, false), values.Resolve(puid.Resource));
    }

    [Fact]
    public void AGeneratedSecretIsLeftToAspireWhichGeneratesAndKeepsItOnTheFirstRun()
    {
        // Aspire generates the value on the first run and keeps it in the AppHost's user secrets (persist: true);
        // Servarr only declares the rule and never generates one itself.
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var key = builder.AddGeneratedSecret("sonarr-api-key").Resource;

        var generation = ParameterValues.Generation(key);

        Assert.True(key.Secret);
        Assert.True(ParameterValues.IsGenerated(key));
        Assert.Equal((32, true, false, true, false), (generation!.MinLength, generation.Lower, generation.Upper, generation.Numeric, generation.Special));
        Assert.Equal(new ParameterValue(null, ParameterValueSource.Missing, true), builder.Values().Resolve(key));
        Assert.False(ParameterValues.IsGenerated(builder.AddParameter("plain", secret: true).Resource));
    }

    [Fact]
    public void PublishingNeverGeneratesSecrets()
    {
        var key = new ParameterResource("sonarr-api-key", _ => "", secret: true) { Default = new GenerateParameterDefault { MinLength = 32 } };
        var publish = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish);

        var value = new ParameterValues(new ConfigurationBuilder().Build(), publish).Resolve(key);

        Assert.Equal(ParameterValueSource.Missing, value.Source);
        Assert.Null(value.Value);
    }

    [Fact]
    public void SecretValuesAreMaskedWhenPrinted()
    {
        Assert.Equal("***** (Configuration)", new ParameterValue("hunter2", ParameterValueSource.Configuration, true).ToString());
        Assert.Equal("Etc/UTC (Default)", new ParameterValue("Etc/UTC", ParameterValueSource.Default, false).ToString());
    }

    [Fact]
    public void AFolderParameterIsTheDevelopmentFolderInRunModeAndTheServerPathWhenPublished()
    {
        using var temp = new TempDirectory();
        var run = TestAppBuilder.Create(DistributedApplicationOperation.Run, appHostDirectory: temp.Path);
        var publish = TestAppBuilder.Create(appHostDirectory: temp.Path);

        var inRun = run.Values().Resolve(run.AddFolderParameter("media-root", ".servarr/data", "/srv/media").Resource);
        var published = publish.Values().Resolve(publish.AddFolderParameter("media-root", ".servarr/data", "/srv/media").Resource);

        Assert.Equal(new ParameterValue(Path.Combine(temp.Path, ".servarr", "data"), ParameterValueSource.Development, false), inRun);
        Assert.Equal(new ParameterValue("/srv/media", ParameterValueSource.Default, false), published);
    }
}
