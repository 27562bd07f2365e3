using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Configuration;

namespace Servarr.Tests.Configuration;

/// <summary>One pass over an app's items: reads decide writes; a failing item, whatever it throws, is its own result.</summary>
public class AppConfiguratorTests
{
    private sealed class Item(string name, Func<Task<ConfigurationChange?>> compare) : ConfigurationItem("setting", name)
    {
        public override Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken) => compare();
    }

    [Fact]
    public async Task CheckNeverAppliesAndApplyOnlyWhatDiffers()
    {
        var applied = new List<string>();
        ConfigurationItem[] items =
        [
            new Item("a", () => Task.FromResult<ConfigurationChange?>(null)),
            new Item("b", () => Task.FromResult<ConfigurationChange?>(new ConfigurationChange("missing", _ => { applied.Add("b"); return Task.CompletedTask; }))),
        ];

        var check = await AppConfigurator.RunAsync("app", items, ConfigurationMode.Check, CancellationToken.None);
        Assert.Empty(applied);
        Assert.Equal(["setting 'a': as modelled", "setting 'b': differs (missing)"], check.Results.Select(r => r.ToString()));
        Assert.False(check.Matches);

        var apply = await AppConfigurator.RunAsync("app", items, ConfigurationMode.Apply, CancellationToken.None);
        Assert.Equal(["b"], applied);
        Assert.True(apply.Matches);
    }

    [Fact]
    public async Task AnItemThatThrowsAnythingFailsAloneWithItsMessageOnOneLine()
    {
        ConfigurationItem[] items =
        [
            new Item("broken", () => throw new InvalidOperationException("integration bug\nsecond line")),
            new Item("fine", () => Task.FromResult<ConfigurationChange?>(null)),
        ];

        var report = await AppConfigurator.RunAsync("app", items, ConfigurationMode.Apply, CancellationToken.None);

        Assert.Equal(["setting 'broken': failed: integration bug second line", "setting 'fine': as modelled"], report.Results.Select(r => r.ToString()));
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task CancellingStopsThePassInsteadOfReportingAFailure()
    {
        using var cancel = new CancellationTokenSource();
        ConfigurationItem[] items = [new Item("slow", async () => { await cancel.CancelAsync(); cancel.Token.ThrowIfCancellationRequested(); return null; })];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AppConfigurator.RunAsync("app", items, ConfigurationMode.Apply, cancel.Token));
    }

    [Fact]
    public async Task AnItemWaitingForSomethingOutsideTheModelIsNeitherAFailureNorAMatch()
    {
        ConfigurationItem[] items =
        [
            new Item("library", () => throw new ConfigurationWaitException("needs the token of Plex 'plex'\nclaim it")),
            new Item("fine", () => Task.FromResult<ConfigurationChange?>(null)),
        ];

        var report = await AppConfigurator.RunAsync("plex", items, ConfigurationMode.Apply, CancellationToken.None);

        Assert.Equal(["setting 'library': waiting (needs the token of Plex 'plex' claim it)", "setting 'fine': as modelled"], report.Results.Select(r => r.ToString()));
        Assert.Equal((true, true, false), (report.Succeeded, report.Waiting, report.Matches));
    }

    [Fact]
    public async Task ASignInCountsAsAReadAndCallsOutsideHttpAreCounted()
    {
        await using var fake = await TestSupport.Plex.FakePlexApi.StartAsync("token", CancellationToken.None);
        var counter = new CallCounter();
        using var http = new HttpClient(counter) { BaseAddress = fake.BaseAddress };
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "login");
        CallCounter.CountAsRead(signIn);

        (await http.SendAsync(signIn)).Dispose();
        (await http.PostAsync("library/sections", null)).Dispose();
        counter.Count(write: false);

        Assert.Equal("2 read(s), 1 write(s)", counter.ToString());
    }

    [Fact]
    public async Task NoReportedDetailCarriesASecretTheItemsRead()
    {
        var builder = TestSupport.TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var key = builder.AddParameter("app-key", secret: true);
        var port = builder.AddParameter("app-port");
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 80, name: "http")
            .WithAnnotation(new AppConfigurationAnnotation(context => [new Item("login", async () =>
            {
                context.RegisterSecret("token-read-from-a-file");
                var secret = await context.Value(key.Resource, CancellationToken.None);
                var notSecret = await context.Value(port.Resource, CancellationToken.None);
                throw new ConfigurationException($"401: key {secret} (escaped {Uri.EscapeDataString(secret!)}) refused with token-read-from-a-file on port {notSecret}");
            })]));
        var model = TestSupport.TestAppBuilder.BuildModel(builder);
        var app = model.Containers.Single(c => c.Name == "app");

        var pass = await AppConfigurator.RunAppAsync(app, model, new Uri("http://127.0.0.1:9/"),
            (p, _) => ValueTask.FromResult<string?>(p.Name == "app-key" ? "k3y/with+chars" : "8080-public"), ConfigurationMode.Apply, CancellationToken.None);

        Assert.Equal("setting 'login': failed: 401: key *** (escaped ***) refused with *** on port 8080-public", Assert.Single(pass.Report.Results).ToString());
    }
}
