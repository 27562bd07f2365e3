using System.Text.Json.Nodes;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.Tautulli;

namespace Servarr.Tests.Configuration;

/// <summary>
/// What the model means inside Tautulli, against a fake of its API v2 and wizard handlers: the referenced Plex (as the setup
/// wizard saves it) and, with an SMTP host, the recently-added newsletter; a second pass only reads, drift is reported by a
/// check and put back by an apply, and without a Plex token only the Plex item waits.
/// </summary>
public class TautulliConfigurationTests
{
    private const string ApiKey = "0123456789abcdef0123456789abcdef";
    private const string PlexTokenValue = "plex-token-abcdefghij";
    private const string SmtpPassword = "smtp-secret-canary-7f3a";

    private static Dictionary<string, string?> Values(bool token = true, bool smtp = true)
    {
        var values = new Dictionary<string, string?> { ["Parameters:tautulli-api-key"] = ApiKey };
        if (token)
        {
            values["Parameters:plex-token"] = PlexTokenValue;
        }

        if (smtp)
        {
            values["Parameters:smtp-host"] = "smtp.example.com";
            values["Parameters:smtp-port"] = "465";
            values["Parameters:smtp-username"] = "mailer";
            values["Parameters:smtp-password"] = SmtpPassword;
            values["Parameters:newsletter-from"] = "tautulli@example.com";
            values["Parameters:newsletter-to"] = "a@example.com, b@example.com";
        }

        return values;
    }

    private static DistributedApplicationModel Model(Dictionary<string, string?> values)
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, values);
        var host = builder.AddHost();
        var plex = builder.AddPlex("plex", host, builder.AddOptionalParameter("plex-claim", secret: true))
            .WithToken(builder.AddParameter("plex-token", secret: true));
        var smtp = new SmtpSettings(builder.AddOptionalParameter("smtp-host"), builder.AddOptionalParameter("smtp-port"),
            builder.AddOptionalParameter("smtp-username"), builder.AddOptionalParameter("smtp-password", secret: true),
            builder.AddOptionalParameter("newsletter-from"), builder.AddOptionalParameter("newsletter-to"));
        builder.AddTautulli("tautulli", host).WithReference(plex).WithNewsletter(smtp);
        return builder.BuildModel();
    }

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, FakeTautulli fake, ConfigurationMode mode,
        IReadOnlyDictionary<string, string?> values)
    {
        var app = model.Containers.Single(c => c.Name == "tautulli");
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var context = new AppConfigurationContext(app, model, http, (p, _) => ValueTask.FromResult(values.GetValueOrDefault($"Parameters:{p.Name}")));
        return await AppConfigurator.RunAsync("tautulli", app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)), mode, CancellationToken.None);
    }

    [Fact]
    public async Task FromScratchThePlexServerAndTheNewsletterAreAppliedAndASecondPassOnlyReads()
    {
        var values = Values();
        var model = Model(values);
        await using var tautulli = await FakeTautulli.StartAsync(ApiKey, "plex", CancellationToken.None);

        var first = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);

        Assert.Equal(["Plex server 'plex': applied (pms_ip is '127.0.0.1', the model says 'plex'; first_run_complete is '0', the model says '1')",
            "newsletter 'Servarr: recently added': applied (missing)"], first.Results.Select(r => r.ToString()));
        var pms = tautulli.State.Config["PMS"];
        Assert.Equal(("plex", 32400, 0, PlexTokenValue, TautulliState.PlexIdentifier),
            ((string?)pms["pms_ip"], (int?)pms["pms_port"], (int?)pms["pms_ssl"], (string?)pms["pms_token"], (string?)pms["pms_identifier"]));
        Assert.Equal(1, (int?)tautulli.State.Config["General"]["first_run_complete"]);
        Assert.Equal(1, (int?)tautulli.State.Config["General"]["monitor_pms_updates"]); // first_run: the checkboxes are kept
        var newsletter = Assert.Single(tautulli.State.Newsletters.Values);
        Assert.Equal(("Servarr: recently added", 1, "0 0 * * 0"), ((string?)newsletter["friendly_name"], (int?)newsletter["active"], (string?)newsletter["cron"]));
        Assert.Equal("Recently Added to {server_name}! ({end_date})", (string?)newsletter["subject"]);
        Assert.Equal("[\"1\",\"2\"]", newsletter["config"]!["incl_libraries"]!.ToJsonString());
        var email = newsletter["email_config"]!;
        Assert.Equal(("smtp.example.com", 465, 2, "mailer", SmtpPassword, "tautulli@example.com", 0),
            ((string?)email["smtp_server"], (int?)email["smtp_port"], (int?)email["tls"], (string?)email["smtp_user"], (string?)email["smtp_password"],
                (string?)email["from"], (int?)email["notifier_id"]));
        Assert.Equal("[\"a@example.com\",\"b@example.com\"]", email["to"]!.ToJsonString());
        Assert.DoesNotContain(first.Results, r => (r.Detail ?? "").Contains(SmtpPassword, StringComparison.Ordinal) || (r.Detail ?? "").Contains(PlexTokenValue, StringComparison.Ordinal));

        var writes = tautulli.State.Writes.Count();
        var second = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);

        Assert.All(second.Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
        Assert.Equal(writes, tautulli.State.Writes.Count());
    }

    [Fact]
    public async Task DriftIsReportedByACheckWithoutWritesAndTheNextApplyPutsItBack()
    {
        var values = Values();
        var model = Model(values);
        await using var tautulli = await FakeTautulli.StartAsync(ApiKey, "plex", CancellationToken.None);
        await PassAsync(model, tautulli, ConfigurationMode.Apply, values);
        tautulli.State.Config["PMS"]["pms_ip"] = "192.168.1.5";
        tautulli.State.Newsletters.Values.Single()["email_config"]!["smtp_server"] = "smtp.elsewhere.org";
        tautulli.State.Libraries.Add((3, "Music", "artist"));
        var writes = tautulli.State.Writes.Count();

        var check = await PassAsync(model, tautulli, ConfigurationMode.Check, values);

        Assert.Equal(["Plex server 'plex': differs (pms_ip is '192.168.1.5', the model says 'plex')",
            "newsletter 'Servarr: recently added': differs (incl_libraries is '1,2', the model says '1,2,3'; smtp_server is 'smtp.elsewhere.org', the model says 'smtp.example.com')"],
            check.Results.Select(r => r.ToString()));
        Assert.Equal(writes, tautulli.State.Writes.Count());

        var apply = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);

        Assert.True(apply.Matches, string.Join("\n", apply.Results));
        Assert.Equal("plex", (string?)tautulli.State.Config["PMS"]["pms_ip"]);
        var newsletter = Assert.Single(tautulli.State.Newsletters.Values);
        Assert.Equal("smtp.example.com", (string?)newsletter["email_config"]!["smtp_server"]);
        Assert.Equal(SmtpPassword, (string?)newsletter["email_config"]!["smtp_password"]);
        Assert.All((await PassAsync(model, tautulli, ConfigurationMode.Check, values)).Results, r => Assert.Equal(ConfigurationOutcome.AsModelled, r.Outcome));
    }

    [Fact]
    public async Task WithoutAPlexTokenThePlexServerWaitsAndTheNewsletterIsStillApplied()
    {
        var values = Values(token: false);
        var model = Model(values);
        await using var tautulli = await FakeTautulli.StartAsync(ApiKey, "plex", CancellationToken.None);

        var report = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);

        Assert.Equal([ConfigurationOutcome.Waiting, ConfigurationOutcome.Applied], report.Results.Select(r => r.Outcome));
        Assert.Contains("plex-token", report.Results[0].Detail, StringComparison.Ordinal);
        Assert.Equal(0, (int?)tautulli.State.Config["General"]["first_run_complete"]);
        Assert.DoesNotContain(tautulli.State.Requests, r => r.Contains("configUpdate", StringComparison.Ordinal));
        Assert.Single(tautulli.State.Newsletters);
    }

    [Fact]
    public async Task WithoutAnSmtpHostThereIsNoNewsletterAndOneMadeEarlierIsRemoved()
    {
        var values = Values(smtp: false);
        var model = Model(values);
        await using var tautulli = await FakeTautulli.StartAsync(ApiKey, "plex", CancellationToken.None);

        var report = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);

        Assert.Equal(["Plex server 'plex'", "newsletter 'Servarr: recently added (off: no smtp-host)'"], report.Results.Select(r => r.Item));
        Assert.Equal(ConfigurationOutcome.AsModelled, report.Results[1].Outcome);
        Assert.Empty(tautulli.State.Newsletters);
        Assert.DoesNotContain(tautulli.State.Requests, r => r.Contains("add_newsletter", StringComparison.Ordinal));

        // A run with smtp-host made the newsletter; emptying smtp-host removes it, and then nothing is left to do.
        var withSmtp = Values();
        Assert.True((await PassAsync(Model(withSmtp), tautulli, ConfigurationMode.Apply, withSmtp)).Matches);
        Assert.Single(tautulli.State.Newsletters);
        var off = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);
        Assert.Equal("newsletter 'Servarr: recently added (off: no smtp-host)': applied (smtp-host is empty: Servarr's newsletter is removed)", off.Results[1].ToString());
        Assert.Empty(tautulli.State.Newsletters);
        Assert.Equal(ConfigurationOutcome.AsModelled, (await PassAsync(model, tautulli, ConfigurationMode.Apply, values)).Results[1].Outcome);
    }

    [Fact]
    public async Task TautulliRefusalsBecomeFailuresWithTheirReason()
    {
        var values = Values();
        var model = Model(values);
        await using var login = await FakeTautulli.StartAsync(ApiKey, "plex", CancellationToken.None);
        login.State.LoginEnabled = true;
        await using var otherKey = await FakeTautulli.StartAsync("fedcba9876543210fedcba9876543210", "plex", CancellationToken.None);
        await using var shortKey = await FakeTautulli.StartAsync("too-short", "plex", CancellationToken.None);

        var withLogin = await PassAsync(model, login, ConfigurationMode.Apply, values);
        var withOtherKey = await PassAsync(model, otherKey, ConfigurationMode.Apply, values);
        var withShortKey = await PassAsync(model, shortKey, ConfigurationMode.Apply, values);

        Assert.Equal(ConfigurationOutcome.Failed, withLogin.Results[0].Outcome);
        Assert.Contains("POST /save_pms_token: 401: Tautulli asks for its web login", withLogin.Results[0].Detail, StringComparison.Ordinal);
        Assert.All(withOtherKey.Results, r => Assert.Contains("401 Invalid apikey", r.Detail, StringComparison.Ordinal));
        Assert.All(withShortKey.Results, r => Assert.Contains("401 API key not generated correctly", r.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(withOtherKey.Results, r => r.Detail!.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePlexServerIsWhereTautulliReachesItAndAnUnreachableOneFails()
    {
        var values = Values(smtp: false);
        var model = Model(values);
        await using var tautulli = await FakeTautulli.StartAsync(ApiKey, "elsewhere", CancellationToken.None);

        var report = await PassAsync(model, tautulli, ConfigurationMode.Apply, values);

        var result = report.Results.Single(r => r.Item == "Plex server 'plex'"); // (the newsletter is off: smtp-host empty)
        Assert.Equal(ConfigurationOutcome.Failed, result.Outcome);
        Assert.Equal("cmd=get_server_id: Tautulli finds no Plex server at plex:32400 (neither on plex.tv nor at /identity)", result.Detail);
        Assert.Equal(0, (int?)tautulli.State.Config["General"]["first_run_complete"]);
    }
}
