using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.Wizarr;

namespace Servarr.Tests.Configuration;

/// <summary>
/// Wizarr set up by its configuration, against a fake of its web forms (CSRF token in the session, Wizarr's field rules):
/// the admin account is made only while the setup page asks for one, the referenced Plex becomes its media server (once
/// Plex has a token), and a second pass changes nothing.
/// </summary>
public class WizarrConfigurationTests
{
    private const string Password = "Wizarr0123456789abcdefABCDEF0123";
    private const string PlexToken = "plex-token-0123456789";
    private const string PlexUrl = "http://plex:32400";

    private static (DistributedApplicationModel Model, Dictionary<string, string?> Values) Build(string? plexToken = PlexToken, string password = Password)
    {
        var values = new Dictionary<string, string?> { ["Parameters:wizarr-password"] = password, ["Parameters:plex-token"] = plexToken };
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, values);
        var host = builder.AddHost();
        var plex = builder.AddPlex("plex", host, builder.AddOptionalParameter("claim", secret: true))
            .WithToken(builder.AddOptionalParameter("plex-token", secret: true));
        builder.AddWizarr("wizarr", host).WithReference(plex);
        return (builder.BuildModel(), values);
    }

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, FakeWizarr fake, ConfigurationMode mode,
        IReadOnlyDictionary<string, string?> values)
    {
        var app = model.Containers.Single(c => c.Name == "wizarr");
        // Each pass has its own client (its own cookies), as AppConfigurator makes one per pass; the defaults follow redirects.
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var context = new AppConfigurationContext(app, model, http, (p, _) => ValueTask.FromResult(
            values.TryGetValue($"Parameters:{p.Name}", out var value) ? value : p.Name == "wizarr-username" ? WizarrBuilderExtensions.DefaultAdminUsername : null));
        return await AppConfigurator.RunAsync("wizarr", app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)), mode, CancellationToken.None);
    }

    [Fact]
    public async Task ANewWizarrGetsItsAdminAndPlexAndASecondPassChangesNothing()
    {
        var (model, values) = Build();
        await using var wizarr = await FakeWizarr.StartAsync(PlexUrl, PlexToken, CancellationToken.None);

        var first = await PassAsync(model, wizarr, ConfigurationMode.Apply, values);

        Assert.Equal(["admin account 'wizarr-username': applied (no admin account yet (setup page /setup/ is open))",
            "media server 'plex': applied (missing)"], first.Results.Select(r => r.ToString()));
        Assert.Equal(("admin", Password), wizarr.Admin);
        Assert.Equal([("plex", "plex", PlexUrl, PlexToken)], wizarr.Servers);

        var before = wizarr.Requests.Count;
        var second = await PassAsync(model, wizarr, ConfigurationMode.Apply, values);

        Assert.All(second.Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        // reads only: the setup page (a redirect now), the sign-in it needs, the server list
        Assert.DoesNotContain(wizarr.Requests.Skip(before), r => r is "POST /setup/" or "POST /settings/servers/create");
        Assert.Contains("POST /login", wizarr.Requests.Skip(before));
        Assert.Single(wizarr.Servers);
    }

    [Fact]
    public async Task AWizarrSetUpByHandKeepsItsAdminAndACheckPassChangesNothing()
    {
        var (model, values) = Build();
        await using var wizarr = await FakeWizarr.StartAsync(PlexUrl, PlexToken, CancellationToken.None);
        wizarr.SetAdmin("admin", Password);

        var check = await PassAsync(model, wizarr, ConfigurationMode.Check, values);

        Assert.Equal(["admin account 'wizarr-username': as modelled", "media server 'plex': differs (missing)"], check.Results.Select(r => r.ToString()));
        Assert.Empty(wizarr.Servers);
        Assert.DoesNotContain("POST /setup/", wizarr.Requests);
    }

    [Fact]
    public async Task WithoutAPlexTokenThePlexServerWaitsAndTheAdminIsStillMade()
    {
        var (model, values) = Build(plexToken: null);
        await using var wizarr = await FakeWizarr.StartAsync(PlexUrl, PlexToken, CancellationToken.None);

        var report = await PassAsync(model, wizarr, ConfigurationMode.Apply, values);

        Assert.Equal(ConfigurationOutcome.Applied, report.Results[0].Outcome);
        Assert.Equal(ConfigurationOutcome.Waiting, report.Results[1].Outcome);
        Assert.Contains("plex-token", report.Results[1].Detail, StringComparison.Ordinal);
        Assert.True(report.Waiting);
        Assert.NotNull(wizarr.Admin);
        Assert.Empty(wizarr.Servers);
        Assert.DoesNotContain(wizarr.Requests, r => r.StartsWith("POST /login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APasswordWizarrRefusesFailsWithWizarrsOwnMessage()
    {
        var (model, values) = Build(password: "alllowercase0123");
        await using var wizarr = await FakeWizarr.StartAsync(PlexUrl, PlexToken, CancellationToken.None);

        var report = await PassAsync(model, wizarr, ConfigurationMode.Apply, values);

        Assert.Equal(ConfigurationOutcome.Failed, report.Results[0].Outcome);
        Assert.Contains("Password must contain at least one uppercase letter, one lowercase letter, and one number.", report.Results[0].Detail, StringComparison.Ordinal);
        Assert.Null(wizarr.Admin);
    }

    [Fact]
    public async Task AWrongPlexTokenFailsWithWizarrsCheckMessage()
    {
        var (model, values) = Build(plexToken: "stale-token");
        await using var wizarr = await FakeWizarr.StartAsync(PlexUrl, PlexToken, CancellationToken.None);

        var report = await PassAsync(model, wizarr, ConfigurationMode.Apply, values);

        Assert.Equal(ConfigurationOutcome.Failed, report.Results[1].Outcome);
        Assert.Contains("Unable to connect to Plex", report.Results[1].Detail, StringComparison.Ordinal);
        Assert.Empty(wizarr.Servers);
    }

    [Fact]
    public void TheGeneratedPasswordMeetsWizarrsRule()
    {
        var builder = TestAppBuilder.Create();
        builder.AddWizarr("wizarr", builder.AddHost());
        var generation = ParameterValues.Generation(builder.BuildModel().Resources.OfType<ParameterResource>().Single(p => p.Name == "wizarr-password"));

        Assert.NotNull(generation);
        Assert.True(generation.Upper && generation.Lower && generation.Numeric && generation.MinUpper >= 1 && generation.MinLower >= 1 && generation.MinNumeric >= 1);
        Assert.True(generation.MinLength >= 8);
    }
}
