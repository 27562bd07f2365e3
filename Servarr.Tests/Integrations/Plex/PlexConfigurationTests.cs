using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.Plex;

namespace Servarr.Tests.Integrations.Plex;

/// <summary>
/// Plex's library sections from the model, against a fake of Plex's section API: the token comes from the plex-token
/// parameter or the PlexOnlineToken of Preferences.xml in Plex's config folder, and without either the sections wait
/// (Plex stays healthy); a missing section is created, a missing folder added, a second pass only reads.
/// </summary>
public class PlexConfigurationTests
{
    private const string Token = "plex-online-token-0123456789";

    private static (DistributedApplicationModel Model, ContainerResource Plex) Build(Action<IResourceBuilder<PlexResource>>? more = null, bool withTokenParameter = false)
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var plex = builder.AddPlex("plex", builder.AddHost(), builder.AddParameter("plex-claim", "", publishValueAsDefault: true));
        if (withTokenParameter)
        {
            plex.WithToken(builder.AddParameter("plex-token", secret: true));
        }

        more?.Invoke(plex);
        var model = builder.BuildModel();
        return (model, model.Containers.Single(c => c.Name == "plex"));
    }

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, ContainerResource plex, FakePlexApi fake, ConfigurationMode mode,
        string? configFolder, string? tokenParameter = null)
    {
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var context = new AppConfigurationContext(plex, model, http, (p, _) => ValueTask.FromResult(p.Name == "plex-token" ? tokenParameter : null))
        {
            ConfigFolder = c => c == plex ? configFolder : null,
        };
        return await AppConfigurator.RunAsync("plex", plex.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)), mode, CancellationToken.None);
    }

    private static void WritePreferences(TempDirectory config, string attributes)
    {
        var file = config.Combine("Library", "Application Support", "Plex Media Server", "Preferences.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Preferences MachineIdentifier=\"0b5c\" {attributes}/>\n");
    }

    [Fact]
    public async Task OnceClaimedTheDefaultSectionsAreCreatedWithTheTokenFromPreferencesAndASecondPassOnlyReads()
    {
        var (model, plex) = Build();
        using var config = new TempDirectory();
        WritePreferences(config, $"PlexOnlineToken=\"{Token}\" ProcessedMachineIdentifier=\"abc\"");
        await using var fake = await FakePlexApi.StartAsync(Token, CancellationToken.None);

        var first = await PassAsync(model, plex, fake, ConfigurationMode.Apply, config.Path);

        Assert.Equal(["library section 'Movies': applied (missing)", "library section 'TV Shows': applied (missing)"], first.Results.Select(r => r.ToString()));
        Assert.Equal([("Movies", "movie", "tv.plex.agents.movie", "/data/media/movies"), ("TV Shows", "show", "tv.plex.agents.series", "/data/media/tv")],
            fake.Sections.Select(s => (s.Title, s.Type, s.Agent, Assert.Single(s.Locations))));

        var before = fake.Requests.Count;
        var second = await PassAsync(model, plex, fake, ConfigurationMode.Apply, config.Path);
        Assert.True(second.Matches);
        Assert.Equal(["GET /library/sections", "GET /library/sections"], fake.Requests.Skip(before));
    }

    [Fact]
    public async Task UnclaimedPlexWaitsWithWhatToDoAndCallsNothing()
    {
        var (model, plex) = Build();
        using var config = new TempDirectory();
        WritePreferences(config, "PlexOnlineToken=\"\"");
        await using var fake = await FakePlexApi.StartAsync(Token, CancellationToken.None);

        var report = await PassAsync(model, plex, fake, ConfigurationMode.Apply, config.Path);

        Assert.All(report.Results, r => Assert.Equal(ConfigurationOutcome.Waiting, r.Outcome));
        Assert.True(report.Succeeded);
        Assert.False(report.Matches);
        Assert.Contains("has no PlexOnlineToken yet); sign in to Plex's web UI at port 32400/web and claim the server", report.Results[0].Detail, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task ThePlexTokenParameterWinsOverPreferencesAndAWrongTokenFailsWithTheFix()
    {
        var (model, plex) = Build(withTokenParameter: true);
        using var config = new TempDirectory();
        WritePreferences(config, "PlexOnlineToken=\"stale-token\"");
        await using var fake = await FakePlexApi.StartAsync(Token, CancellationToken.None);

        var good = await PassAsync(model, plex, fake, ConfigurationMode.Apply, config.Path, tokenParameter: Token);
        Assert.True(good.Matches);

        var stale = await PassAsync(model, plex, fake, ConfigurationMode.Check, config.Path, tokenParameter: "");
        Assert.All(stale.Results, r => Assert.Equal(ConfigurationOutcome.Failed, r.Outcome));
        Assert.StartsWith("GET /library/sections: 401 (the token is not the server owner's: claim the server again or set plex-token)", stale.Results[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderMissingFromAnExistingSectionIsDriftAndApplyAddsItKeepingTheOthers()
    {
        var (model, plex) = Build(p => p.WithLibrary("Movies", PlexLibraryType.Movies, "/data/media/movies"));
        using var config = new TempDirectory();
        WritePreferences(config, $"PlexOnlineToken=\"{Token}\"");
        await using var fake = await FakePlexApi.StartAsync(Token, CancellationToken.None);
        fake.Add("movies", "movie", "tv.plex.agents.movie", "/data/media/films");

        var check = await PassAsync(model, plex, fake, ConfigurationMode.Check, config.Path);
        Assert.Equal(["library section 'Movies': differs (folder '/data/media/movies' missing (it scans '/data/media/films'))"], check.Results.Select(r => r.ToString()));
        Assert.Equal(["/data/media/films"], Assert.Single(fake.Sections).Locations);

        var apply = await PassAsync(model, plex, fake, ConfigurationMode.Apply, config.Path);
        Assert.Equal(ConfigurationOutcome.Applied, Assert.Single(apply.Results).Outcome);
        Assert.Equal(["/data/media/films", "/data/media/movies"], Assert.Single(fake.Sections).Locations);
    }

    [Fact]
    public async Task ASectionOfAnotherTypeIsNotReplacedButFailsWithTheFix()
    {
        var (model, plex) = Build(p => p.WithLibrary("TV Shows", PlexLibraryType.Shows, "/data/media/tv"));
        using var config = new TempDirectory();
        WritePreferences(config, $"PlexOnlineToken=\"{Token}\"");
        await using var fake = await FakePlexApi.StartAsync(Token, CancellationToken.None);
        fake.Add("TV Shows", "movie", "tv.plex.agents.movie", "/data/media/tv");

        var report = await PassAsync(model, plex, fake, ConfigurationMode.Apply, config.Path);

        Assert.Equal("library section 'TV Shows': failed: library section 'TV Shows' holds type 'movie', the model says 'show'; delete it in Plex (Settings > Libraries) or give .WithLibrary another title",
            Assert.Single(report.Results).ToString());
        Assert.Equal("movie", Assert.Single(fake.Sections).Type);
    }

    [Fact]
    public void ALibraryOutsidePlexsMountsIsRefusedBeforeAnythingStarts()
    {
        var builder = TestAppBuilder.Create();
        builder.AddPlex("plex", builder.AddHost(), builder.AddParameter("plex-claim", "", publishValueAsDefault: true))
            .WithLibrary("Anime", PlexLibraryType.Shows, "/anime");

        Assert.Contains("resource 'plex': library 'Anime' scans '/anime', which is in none of its mounts (/config, /transcode, /data/media); put it under the media mount, e.g. '/data/media/anime'",
            builder.Problems());
    }

    [Fact]
    public void ReadingPreferencesToleratesAMissingOrBrokenFile()
    {
        using var config = new TempDirectory();
        Assert.Null(PlexToken.ReadPreferences(config.Combine("missing.xml")));
        File.WriteAllText(config.Combine("broken.xml"), "<Preferences PlexOnlineToken=");
        Assert.Null(PlexToken.ReadPreferences(config.Combine("broken.xml")));
        File.WriteAllText(config.Combine("ok.xml"), $"<Preferences PlexOnlineToken=\" {Token} \"/>");
        Assert.Equal(Token, PlexToken.ReadPreferences(config.Combine("ok.xml")));
    }
}
