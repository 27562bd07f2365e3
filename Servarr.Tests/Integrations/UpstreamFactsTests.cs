using System.Text.RegularExpressions;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>
/// Every integration folder carries <c>UPSTREAM.md</c>: what the integration relies on about its app, each fact read in
/// the app's upstream source at the pinned version and cited (<c>owner/repo@ref:path</c>). These tests keep the model and
/// those facts together: the pinned image, its tag format (from the project's publish workflow), ports, health path and
/// command, config path, the capabilities kept after <c>cap_drop: [ALL]</c>, the image's non-root user, and every environment
/// variable the model sets — a fact changed on one side fails here.
/// </summary>
public partial class UpstreamFactsTests
{
    private static readonly string s_integrations = Path.Combine(RepositoryPaths.Root, "Servarr.Hosting", "Integrations");

    // Integration folder → the default stack's resource of that integration.
    public static TheoryData<string, string> Integrations => new()
    {
        { "AutoKuma", "autokuma" }, { "Cloudflared", "cloudflared" }, { "Gluetun", "gluetun" }, { "Kopia", "kopia" },
        { "Maintainerr", "maintainerr" }, { "Plex", "plex" }, { "Prowlarr", "prowlarr" }, { "QBittorrent", "qbittorrent" },
        { "Radarr", "radarr" }, { "Seerr", "seerr" }, { "Sonarr", "sonarr" }, { "Tautulli", "tautulli" },
        { "UptimeKuma", "uptime-kuma" }, { "Watchtower", "watchtower" }, { "Wizarr", "wizarr" },
    };

    public sealed record Fact(string Name, string Value, string Source);

    [Fact]
    public void EveryIntegrationWithAPinnedImageHasItsFactsAndIsListedHere()
    {
        var folders = Directory.GetDirectories(s_integrations).Where(d => Directory.GetFiles(d, "*ContainerImageTags.cs").Length > 0)
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(folders, Integrations.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
        Assert.All(folders, f => Assert.True(File.Exists(Path.Combine(s_integrations, f!, "UPSTREAM.md")), $"{f} has no UPSTREAM.md"));
    }

    [Theory]
    [MemberData(nameof(Integrations))]
    public async Task TheFactsAreCitedAndTheModelMatchesThem(string folder, string resourceName)
    {
        var facts = Read(folder);
        var app = await AppHostRunner.BuildStackAsync(configuration: new Dictionary<string, string?>
        {
            ["Parameters:pushbullet-access-token"] = "x", // so every optional variable is set
            ["Parameters:lan-address"] = "192.168.1.10",
        });
        var resource = app.Model.Containers.Single(c => c.Name == resourceName);
        string? One(string name) => facts.SingleOrDefault(f => f.Name == name)?.Value;
        IEnumerable<string> All(string name) => facts.Where(f => f.Name == name).Select(f => f.Value);

        Assert.All(facts, f => Assert.True(Citation().IsMatch(f.Source) || (f.Name == "env" && f.Source.StartsWith("Servarr: ", StringComparison.Ordinal)),
            $"{folder}: '{f.Name} {f.Value}' cites no upstream file (owner/repo@ref:path)"));

        var image = resource.GetImage()!;
        Assert.Equal(One("image"), image.Reference);
        Assert.Matches(One("tag format")!, image.Tag);

        var ports = All("port").Select(int.Parse).ToList();
        Assert.All(resource.GetEndpointAnnotations(), e => Assert.Contains(e.TargetPort!.Value, ports));

        if (resource.Annotations.OfType<HttpHealthCheckAnnotation>().SingleOrDefault() is { } http)
        {
            Assert.Equal(One("health path"), http.Path);
        }

        if (resource.Annotations.OfType<ContainerHealthCheckAnnotation>().SingleOrDefault() is { } check)
        {
            Assert.Equal(One("health command"), Executable(check.Command));
        }
        else if (resource.Annotations.OfType<ImageHealthCheckAnnotation>().Any())
        {
            Assert.NotNull(One("health command")); // the image's own HEALTHCHECK: what it runs is a fact too
        }

        if (resource.GetMounts().SingleOrDefault(m => m.Purpose == ContainerMountPurpose.Config) is { } config)
        {
            Assert.Equal(One("config path"), config.Target);
        }

        // The capabilities the model keeps after dropping all (or that it keeps the engine's defaults), and the image's user.
        var capabilities = CapabilitySet.Of(resource);
        var kept = resource.Annotations.OfType<OnlyCapabilitiesAnnotation>().LastOrDefault()?.Kept;
        Assert.Equal(One("capabilities"), kept is null ? $"engine defaults + {string.Join(", ", capabilities.Added)}"
            : kept.Count == 0 ? "none" : string.Join(", ", kept));
        Assert.Equal(One("image user"), resource.Annotations.OfType<ImageUserAnnotation>().SingleOrDefault() is { } user ? $"{user.Uid}:{user.Gid}" : null);

        var cited = All("env").ToHashSet(StringComparer.Ordinal);
        var set = EnvironmentEvaluator.Evaluate(resource, ServarrExecution.Publish).Select(e => e.Key).ToList();
        var uncited = set.Where(v => !cited.Contains(v)).ToList();
        Assert.True(uncited.Count == 0, $"{folder}: the model sets {string.Join(", ", uncited)}, which {folder}/UPSTREAM.md does not cite: read where the app reads it, or stop setting it");
    }

    [Fact]
    public void TheParserRefusesAFactWithoutCitationAndTheTagCheckCanFail()
    {
        var facts = Parse("| fact | value | source |\n| --- | --- | --- |\n| image | `ghcr.io/maintainerr/maintainerr:v3.24.0` | trust me |\n| tag format | `^\\d+\\.\\d+\\.\\d+$` | Maintainerr/Maintainerr@v3.24.0:.github/workflows/release_5_publish.yml |\n");

        Assert.DoesNotMatch(Citation(), facts[0].Source);
        Assert.DoesNotMatch(facts[1].Value, "v3.24.0"); // the tag v3.24.0 never existed: the workflow tags the bare version
        Assert.Matches(facts[1].Value, "3.24.0");
    }

    /// <summary>The program a health command runs: its first word, or for <c>sh -c "exec x ..."</c> the program the script runs.</summary>
    private static string Executable(IReadOnlyList<string> command) =>
        command[0] is "sh" or "/bin/sh" && command.Count > 2 && command[1] == "-c"
            ? command[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w == "exec").First()
            : command[0];

    private static List<Fact> Read(string folder) => Parse(File.ReadAllText(Path.Combine(s_integrations, folder, "UPSTREAM.md")));

    private static List<Fact> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| fact ", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ", 3))
            .Select(cells => new Fact(cells[0].Trim(), cells[1].Trim().Trim('`'), cells[2].Trim()))];

    [GeneratedRegex(@"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[^\s:]+:\S+")]
    private static partial Regex Citation();
}
