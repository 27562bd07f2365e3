using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.UptimeKuma;

namespace Servarr.Tests.Configuration;

/// <summary>
/// Uptime Kuma's first user made by its configuration over Socket.IO v4 (Servarr's own client against a fake
/// Engine.IO 4 WebSocket server with Kuma's <c>needSetup</c>/<c>setup</c> events): made only while Kuma needs one, never twice.
/// </summary>
public class UptimeKumaConfigurationTests
{
    private const string Password = "kuma-Password-0123";

    private static (DistributedApplicationModel Model, Dictionary<string, string?> Values) Build(string password = Password)
    {
        var values = new Dictionary<string, string?> { ["Parameters:uptime-kuma-username"] = "admin", ["Parameters:uptime-kuma-password"] = password };
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, values);
        builder.AddUptimeKuma("uptime-kuma", builder.AddHost())
            .WithAdminAccount(builder.AddParameter("uptime-kuma-username"), builder.AddParameter("uptime-kuma-password", secret: true));
        return (builder.BuildModel(), values);
    }

    private static async Task<ConfigurationReport> PassAsync(DistributedApplicationModel model, FakeUptimeKuma fake, ConfigurationMode mode,
        IReadOnlyDictionary<string, string?> values)
    {
        var app = model.Containers.Single(c => c.Name == "uptime-kuma");
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var context = new AppConfigurationContext(app, model, http, (p, _) => ValueTask.FromResult(values.GetValueOrDefault($"Parameters:{p.Name}")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await AppConfigurator.RunAsync("uptime-kuma", app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)), mode, timeout.Token);
    }

    [Fact]
    public async Task ANewUptimeKumaGetsItsAdminAndASecondPassOnlyAsks()
    {
        var (model, values) = Build();
        await using var kuma = await FakeUptimeKuma.StartAsync(CancellationToken.None);

        var first = await PassAsync(model, kuma, ConfigurationMode.Apply, values);

        Assert.Equal(["admin account 'uptime-kuma-username': applied (no user yet (first-run page open))"], first.Results.Select(r => r.ToString()));
        Assert.Equal([("admin", Password)], kuma.Users);
        Assert.Equal(["needSetup", "setup"], kuma.Events);
        Assert.Equal(["GET /socket.io/?EIO=4&transport=websocket", "< 40", "< 420[\"needSetup\"]", "< 3"],
            kuma.Packets.Where(p => !p.StartsWith("> ", StringComparison.Ordinal)).Take(4));
        Assert.Contains("< 420[\"setup\",\"admin\",\"kuma-Password-0123\"]", kuma.Packets);

        var second = await PassAsync(model, kuma, ConfigurationMode.Apply, values);

        Assert.Equal(ConfigurationOutcome.AsModelled, Assert.Single(second.Results).Outcome);
        Assert.Equal(["needSetup", "setup", "needSetup"], kuma.Events);
        Assert.Single(kuma.Users);
    }

    [Fact]
    public async Task AKumaSetUpByHandIsLeftAloneAndACheckPassOnlyAsks()
    {
        var (model, values) = Build();
        await using var kuma = await FakeUptimeKuma.StartAsync(CancellationToken.None);
        kuma.AddUser("someone", "their-Password-1");

        var check = await PassAsync(model, kuma, ConfigurationMode.Check, values);

        Assert.Equal(ConfigurationOutcome.AsModelled, Assert.Single(check.Results).Outcome);
        Assert.Equal(["needSetup"], kuma.Events);
        Assert.Equal([("someone", "their-Password-1")], kuma.Users);
    }

    [Fact]
    public async Task AWeakPasswordFailsWithKumasOwnMessage()
    {
        var (model, values) = Build(password: "abcdefgh");
        await using var kuma = await FakeUptimeKuma.StartAsync(CancellationToken.None);

        var report = await PassAsync(model, kuma, ConfigurationMode.Apply, values);

        var result = Assert.Single(report.Results);
        Assert.Equal(ConfigurationOutcome.Failed, result.Outcome);
        Assert.Contains("Password is too weak", result.Detail, StringComparison.Ordinal);
        Assert.Empty(kuma.Users);
    }

    [Fact]
    public async Task ASetupThatLosesTheRaceFailsWithKumasMessage()
    {
        var (model, values) = Build();
        await using var kuma = await FakeUptimeKuma.StartAsync(CancellationToken.None);
        var app = model.Containers.Single(c => c.Name == "uptime-kuma");
        using var http = new HttpClient { BaseAddress = kuma.BaseAddress };
        var context = new AppConfigurationContext(app, model, http, (p, _) => ValueTask.FromResult(values.GetValueOrDefault($"Parameters:{p.Name}")));
        var item = Assert.Single(app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)));

        var change = await item.CompareAsync(CancellationToken.None);
        kuma.AddUser("someone", "their-Password-1"); // someone used the first-run page in between
        var refused = await Assert.ThrowsAsync<ConfigurationException>(() => change!.ApplyAsync(CancellationToken.None));

        Assert.Contains(FakeUptimeKuma.AlreadyInitialized, refused.Message, StringComparison.Ordinal);
        Assert.Equal([("someone", "their-Password-1")], kuma.Users);
    }
}
