using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;
using Engine = Servarr.Hosting.Orchestration.Docker.DockerEngine;

namespace Servarr.Tests.Docker;

/// <summary>
/// `down` on the real engine, with stand-in containers labelled as this app's and as another app's: only this app's
/// containers (running or stopped), networks and — when asked — volumes go. Then the real step through the AppHost.
/// In the stack collection: the step removes this AppHost's containers, which the run-mode test starts.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class DownTests
{
    private const string Image = "ghcr.io/tautulli/tautulli:v2.17.2";

    [DockerFact(needsStandIns: true)]
    public async Task DownRemovesOnlyThisAppsContainersNetworksAndAskedForVolumes()
    {
        DockerEngine.RequireAvailable();
        StandInStack.BuildImages([Image]);
        var id = Guid.NewGuid().ToString("N")[..8];
        var (ours, other) = ($"downtest-{id}", $"downother-{id}");
        var session = $"aspire-session-network-{id}-DownTest";
        var otherSession = $"aspire-session-network-{id}x-DownTest";
        var persistent = $"aspire-persistent-network-{id}-DownTest";
        var scope = new TeardownScope(ours, persistent, new HashSet<string>(), new HashSet<string> { $"{id}-unlabelled" }, "-DownTest");
        var created = new List<(string Kind, string Name)>();
        try
        {
            Create(created, "network", session, []);
            Create(created, "network", otherSession, []);
            Create(created, "network", persistent, []);
            Create(created, "volume", $"{id}-ours", ["--label", $"{ServarrLabels.App}={ours}"]);
            Create(created, "volume", $"{id}-other", ["--label", $"{ServarrLabels.App}={other}"]);
            Create(created, "volume", $"{id}-unlabelled", []);
            Run(created, $"{id}-app", ["-d", "--network", session, .. Labels(ours, "app")]);
            Run(created, $"{id}-stopped", ["-d", .. Labels(ours, "stopped")]);
            Assert.Equal(0, DockerEngine.Run("docker", ["stop", "-t", "0", $"{id}-stopped"], TimeSpan.FromSeconds(30)).ExitCode);
            Run(created, $"{id}-other", ["-d", "--network", otherSession, .. Labels(other, "app")]);
            using var engine = Engine.FromEnvironment();
            var lines = new List<string>();

            var kept = await StackTeardown.DownAsync(engine, scope, removeVolumes: false, lines.Add, CancellationToken.None);

            Assert.Empty(kept.Errors);
            Assert.Equal([$"{id}-app", $"{id}-stopped"], kept.Containers.Order(StringComparer.Ordinal));
            Assert.Equal([persistent, session], kept.Networks.Order(StringComparer.Ordinal));
            Assert.Equal([$"{id}-ours"], kept.KeptVolumes);
            Assert.Equal([$"{id}-unlabelled"], kept.UnlabelledVolumes);
            Assert.Contains($"removed container {id}-app (app)", lines);
            Assert.False(Exists("container", $"{id}-app") || Exists("container", $"{id}-stopped") || Exists("network", session) || Exists("network", persistent));
            Assert.True(Exists("container", $"{id}-other") && Exists("network", otherSession) && Exists("volume", $"{id}-ours"));

            var removed = await StackTeardown.DownAsync(engine, scope, removeVolumes: true, lines.Add, CancellationToken.None);

            Assert.Equal([$"{id}-ours"], removed.Volumes);
            Assert.Equal($"removed 0 container(s), 0 network(s), 1 volume(s) of '{ours}'", removed.Summary);
            Assert.False(Exists("volume", $"{id}-ours"));
            Assert.True(Exists("volume", $"{id}-other") && Exists("volume", $"{id}-unlabelled") && Exists("container", $"{id}-other"));
        }
        finally
        {
            Cleanup(created);
        }
    }

    [DockerFact(needsStandIns: true)]
    public async Task TheDownStepOfTheRealAppHostRemovesItsLeftoversAndKeepsItsVolumes()
    {
        DockerEngine.RequireAvailable();
        StandInStack.BuildImages([Image]);
        // The step names the app in its summary: `... of 'servarr-<hash>'`.
        var first = await AppHostRunner.RunAsync(["--operation", "publish", "--step", "down"]);
        Assert.True(first.ExitCode == 0, first.Log);
        var app = System.Text.RegularExpressions.Regex.Match(first.Log, @"removed \d+ container\(s\), \d+ network\(s\), \d+ volume\(s\) of '(?<app>[^']+)'").Groups["app"].Value;
        Assert.StartsWith("servarr-", app);
        var id = Guid.NewGuid().ToString("N")[..8];
        var created = new List<(string Kind, string Name)>();
        try
        {
            Create(created, "volume", $"{id}-data", ["--label", $"{ServarrLabels.App}={app}"]);
            Run(created, $"{id}-leftover", ["-d", .. Labels(app, "sonarr")]);
            Run(created, $"{id}-someone-elses", ["-d", .. Labels($"{app}x", "sonarr")]);

            var down = await AppHostRunner.RunAsync(["--operation", "publish", "--step", "down"]);

            Assert.True(down.ExitCode == 0, down.Log);
            Assert.Contains($"removed container {id}-leftover (sonarr)", down.Log);
            Assert.Contains($"{id}-data", down.Log.Split('\n').Single(l => l.Contains("kept ", StringComparison.Ordinal) && l.Contains("--down-volumes true", StringComparison.Ordinal)));
            Assert.False(Exists("container", $"{id}-leftover"));
            Assert.True(Exists("container", $"{id}-someone-elses") && Exists("volume", $"{id}-data"));
        }
        finally
        {
            Cleanup(created);
        }
    }

    private static string[] Labels(string app, string resource) =>
        ["--label", $"{ServarrLabels.App}={app}", "--label", $"{ServarrLabels.Resource}={resource}"];

    private static void Create(List<(string, string)> created, string kind, string name, string[] options)
    {
        created.Add((kind, name));
        var result = DockerEngine.Run("docker", [kind, "create", .. options, name], TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static void Run(List<(string, string)> created, string name, string[] options)
    {
        created.Add(("container", name));
        var result = DockerEngine.Run("docker", ["run", "--name", name, .. options, Image], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static bool Exists(string kind, string name) =>
        DockerEngine.Run("docker", [kind, "inspect", name], TimeSpan.FromSeconds(20)).ExitCode == 0;

    // Containers first: a network or volume in use cannot go.
    private static void Cleanup(List<(string Kind, string Name)> created)
    {
        foreach (var kind in new[] { "container", "network", "volume" })
        {
            var names = created.Where(c => c.Kind == kind).Select(c => c.Name).ToArray();
            if (names.Length > 0)
            {
                DockerEngine.Run("docker", kind == "container" ? ["rm", "-f", .. names] : [kind, "rm", .. names], TimeSpan.FromMinutes(1));
            }
        }
    }
}
