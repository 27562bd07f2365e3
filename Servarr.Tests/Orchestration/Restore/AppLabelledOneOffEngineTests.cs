using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Restore;

namespace Servarr.Tests.Orchestration.Restore;

/// <summary>Restore's one-off containers carry this AppHost's servarr.app label, so `down` finds one a killed AppHost left.</summary>
public class AppLabelledOneOffEngineTests
{
    private static readonly OneOffContainerSpec s_spec = new("kopia-restore-sonarr", "kopia/kopia:0.23.1", ["kopia", "snapshot", "list"], [], [], null, null,
        new Dictionary<string, string> { [ServarrLabels.Resource] = "kopia-restore", [ServarrLabels.App] = "stale" });

    [Fact]
    public async Task EveryOneOffGetsTheAppLabelAndKeepsItsOwn()
    {
        var inner = new Recording();

        await new AppLabelledOneOffEngine(inner, "servarr-d67098d9").RunOneOffAsync(s_spec, TimeSpan.FromSeconds(1), CancellationToken.None);

        var run = Assert.Single(inner.Runs);
        Assert.Equal("servarr-d67098d9", run.Labels[ServarrLabels.App]);
        Assert.Equal("kopia-restore", run.Labels[ServarrLabels.Resource]);
        Assert.Equal("stale", s_spec.Labels[ServarrLabels.App]); // the plan's spec is not changed
    }

    [Fact]
    public void WithoutAnAppNameTheSpecPassesUnchanged() =>
        Assert.Same(s_spec, new AppLabelledOneOffEngine(new Recording(), null).Labelled(s_spec));

    private sealed class Recording : IOneOffContainerEngine
    {
        public List<OneOffContainerSpec> Runs { get; } = [];

        public Task<OneOffResult> RunOneOffAsync(OneOffContainerSpec container, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Runs.Add(container);
            return Task.FromResult(new OneOffResult(0, "", ""));
        }
    }
}
