using Microsoft.Extensions.Configuration;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;

namespace Servarr.Tests.Orchestration;

/// <summary>What `down` chooses from what is on the engine: only this app's objects, volumes only when asked.</summary>
public class TeardownPlanTests
{
    private const string Hash = "3F9A1C2B00112233445566778899AABBCCDDEEFF00112233445566778899AABB";
    private const string App = "servarr-3f9a1c2b";

    private static readonly TeardownScope s_scope = new(App, "aspire-persistent-network-3f9a1c2b-Servarr",
        new HashSet<string>(StringComparer.Ordinal) { "plex-3f9a1c2b", "sonarr-3f9a1c2b" },
        new HashSet<string>(StringComparer.Ordinal) { "plex-transcode", "kopia-cache" }, "-Servarr");

    private static Dictionary<string, string> Ours(string resource) => new() { [ServarrLabels.App] = App, [ServarrLabels.Resource] = resource };

    private static Dictionary<string, string> Other(string resource) => new() { [ServarrLabels.App] = "servarr-0badc0de", [ServarrLabels.Resource] = resource };

    private static readonly Dictionary<string, string> None = [];
    private static readonly Dictionary<string, string> OursOnly = new() { [ServarrLabels.App] = App };
    private static readonly Dictionary<string, string> Compose = new() { ["com.docker.compose.project"] = "media" };

    private static StackInventory Engine() => new(
        [
            new("1", "plex-abcdefgh", Ours("plex"), ["aspire-session-network-abcdefgh-Servarr"]),
            new("2", "sonarr-3f9a1c2b", Ours("sonarr"), []),
            new("3", "plex-zyxwvuts", Other("plex"), ["aspire-session-network-zyxwvuts-Servarr"]),
            new("4", "unrelated", None, ["bridge"]),
            new("5", "media-plex-1", Compose, ["media_default"]),
        ],
        [
            new("n1", "aspire-session-network-abcdefgh-Servarr", None),
            new("n2", "aspire-session-network-zyxwvuts-Servarr", None),
            new("n3", "aspire-persistent-network-3f9a1c2b-Servarr", None),
            new("n4", "aspire-persistent-network-0badc0de-Servarr", None),
            new("n5", "bridge", None),
            new("n6", "media_default", Compose),
            new("n7", "servarr-edge", OursOnly),
        ],
        [
            new("plex-transcode", OursOnly),
            new("kopia-cache", None),
            new("autokuma-data", new Dictionary<string, string> { [ServarrLabels.App] = "servarr-0badc0de" }),
            new("media_plex-transcode", Compose),
        ]);

    [Fact]
    public void OnlyThisAppsContainersAndNetworksAreChosen()
    {
        var plan = TeardownPlan.Select(Engine(), s_scope, removeVolumes: false);

        Assert.Equal(["plex-abcdefgh", "sonarr-3f9a1c2b"], plan.Containers.Select(c => c.Name));
        Assert.Equal(["aspire-persistent-network-3f9a1c2b-Servarr", "aspire-session-network-abcdefgh-Servarr", "servarr-edge"], plan.Networks.Select(n => n.Name));
    }

    [Fact]
    public void VolumesAreKeptUnlessAskedAndOnlyThisAppsLabelledOnesAreEverRemoved()
    {
        var kept = TeardownPlan.Select(Engine(), s_scope, removeVolumes: false);
        var removed = TeardownPlan.Select(Engine(), s_scope, removeVolumes: true);

        Assert.Empty(kept.Volumes);
        Assert.Equal(["plex-transcode"], kept.KeptVolumes.Select(v => v.Name));
        Assert.Equal(["plex-transcode"], removed.Volumes.Select(v => v.Name));
        Assert.Empty(removed.KeptVolumes);
        // A volume of the model without this app's label may be another AppHost's of the same name: reported, never removed.
        Assert.Equal(["kopia-cache"], removed.UnlabelledVolumes.Select(v => v.Name));
    }

    [Fact]
    public void APersistentContainerAspireMadeForThisAppHostBeforeItWasLabelledIsChosenByItsName()
    {
        var persistent = new Dictionary<string, string> { [TeardownPlan.AspirePersistentLabel] = "true" };
        var inventory = new StackInventory(
            [new("1", "plex-3f9a1c2b", persistent, []), new("2", "plex-0badc0de", persistent, []), new("3", "sonarr-3f9a1c2b", None, [])], [], []);

        var plan = TeardownPlan.Select(inventory, s_scope, removeVolumes: false);

        Assert.Equal(["plex-3f9a1c2b"], plan.Containers.Select(c => c.Name));
    }

    [Fact]
    public void AnEmptySessionNetworkWithThisAppHostsNameIsReportedNotRemoved()
    {
        var inventory = new StackInventory([new("1", "seerr-x", Other("seerr"), ["aspire-session-network-busybusy-Servarr"])],
            [new("n1", "aspire-session-network-leftover-Servarr", None), new("n2", "aspire-session-network-busybusy-Servarr", None),
             new("n3", "aspire-session-network-leftover-Other", None)], []);

        var plan = TeardownPlan.Select(inventory, s_scope, removeVolumes: false);

        Assert.Empty(plan.Networks);
        Assert.Equal(["aspire-session-network-leftover-Servarr"], plan.AbandonedNetworks.Select(n => n.Name));
    }

    [Fact]
    public void TheAppNameAndAspiresPersistentNamesFollowAspiresRules()
    {
        Assert.Equal(App, AppIdentity.Name("Servarr.AppHost", Hash));
        Assert.Equal("mystack-3f9a1c2b", AppIdentity.Name("MyStack", Hash));
        Assert.Equal("aspire-persistent-network-3f9a1c2b-Servarr", AppIdentity.PersistentNetworkName("Servarr.AppHost", Hash));
        Assert.Equal("plex-3f9a1c2b", AppIdentity.PersistentContainerName("plex", Hash));
        Assert.Equal("-Servarr", AppIdentity.SessionNetworkSuffix("Servarr.AppHost"));
    }

    [Fact]
    public void TwoAppHostsOfTheSameNameInDifferentFoldersGetDifferentAppNames()
    {
        var one = new ConfigurationBuilder().Build();

        Assert.NotEqual(AppIdentity.Name(one, "Servarr.AppHost", "/home/a/servarr/Servarr.AppHost"),
            AppIdentity.Name(one, "Servarr.AppHost", "/home/b/servarr/Servarr.AppHost"));
    }

    [Fact]
    public void TheAppNameIsAspiresPathHashTheSameInRunAndPublishMode()
    {
        var run = TestSupport.TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var publish = TestSupport.TestAppBuilder.Create(DistributedApplicationOperation.Publish);

        // Aspire's AppHost:Sha256 is the path hash in run mode but the project name's in publish mode; the path hash is both.
        Assert.Equal(run.Configuration[AppIdentity.PathHashKey], publish.Configuration[AppIdentity.PathHashKey]);
        Assert.Equal(run.Configuration["AppHost:Sha256"], run.Configuration[AppIdentity.PathHashKey]);
        Assert.Equal(AppIdentity.Name(run.Configuration, run.Environment.ApplicationName, run.AppHostDirectory),
            AppIdentity.Name(publish.Configuration, publish.Environment.ApplicationName, publish.AppHostDirectory));
    }
}
