using Microsoft.Extensions.Configuration;
using Servarr.Hosting;
using Servarr.Hosting.Lifecycle;
using Servarr.Hosting.Orchestration;

namespace Servarr.Tests.Lifecycle;

/// <summary>The `down` step's opt-in and closing lines.</summary>
public class DownStepTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void VolumesAreDeletedOnlyWithDownVolumesTrue(string? value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DownStep.VolumesKey] = value }).Build();

        Assert.Equal(expected, DownStep.RemoveVolumes(configuration));
    }

    [Fact]
    public void AnythingElseThanTrueOrFalseIsRefusedWithTheFix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DownStep.VolumesKey] = "yes" }).Build();

        var exception = Assert.Throws<ServarrException>(() => DownStep.RemoveVolumes(configuration));

        Assert.Equal("--down-volumes 'yes' is not true or false; use --down-volumes true to delete the app's volumes", exception.Message);
    }

    [Fact]
    public void KeptVolumesAreNamedWithTheOptInAndTheSummaryComesLast()
    {
        var result = new StackTeardown.Result("servarr-3f9a1c2b", ["plex-abcdefgh"], [], [], ["plex-transcode", "kopia-cache"], [], [], []);

        var lines = DownStep.Lines(result);

        Assert.Equal("kept 2 volume(s) of 'servarr-3f9a1c2b': plex-transcode, kopia-cache (add --down-volumes true to delete them and their data)", lines[0]);
        Assert.Equal("removed 1 container(s), 0 network(s), 0 volume(s) of 'servarr-3f9a1c2b'", lines[^1]);
    }
}
