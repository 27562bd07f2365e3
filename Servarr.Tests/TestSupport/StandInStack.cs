using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Tests.TestSupport;

/// <summary>The default stack on the real engine with stand-in images: build them, guard a real stack, wait for health.</summary>
internal static class StandInStack
{
    public static readonly TimeSpan HealthyWithin = TimeSpan.FromMinutes(4);

    /// <summary>Builds the stand-ins and checks there is one for every image of the stack.</summary>
    public static void BuildImages(IReadOnlyList<string> images)
    {
        var script = Path.Combine(RepositoryPaths.Tests, "TestSupport", "StandIns", "build-standins.sh");
        var build = DockerEngine.Run("bash", [script], TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, $"building the stand-in images failed: {build}");
        var listed = DockerEngine.Run("bash", [script, "--list"], TimeSpan.FromSeconds(30)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = images.Except(listed).ToList();
        Assert.True(missing.Count == 0, $"no stand-in for {string.Join(", ", missing)}: add it to STANDIN_TABLE in build-standins.sh");
    }

    /// <summary>The stack's containers have fixed names: never touch one that is not a stand-in of an earlier test run.</summary>
    public static void RefuseToTouchForeignContainers(IReadOnlyList<string> names)
    {
        var foreign = names.Where(n =>
        {
            var label = DockerEngine.Run("docker", ["inspect", "-f", "{{index .Config.Labels \"servarr.standin-hash\"}}", n], TimeSpan.FromSeconds(20));
            return label.ExitCode == 0 && label.StandardOutput.Trim().Length == 0;
        }).ToList();
        Assert.True(foreign.Count == 0,
            $"containers {string.Join(", ", foreign)} exist and are not test stand-ins; the test will not remove them. Run the Docker tests on a machine without the real stack.");
    }

    /// <summary>
    /// Readies the engine for <paramref name="model"/>: stand-in images for every container, a refusal if a same-named
    /// container is not a stand-in's, and no container left from an earlier test. Returns the container names.
    /// </summary>
    public static IReadOnlyList<string> Prepare(DistributedApplicationModel model)
    {
        var names = model.Containers.Select(c => c.Name).ToList();
        BuildImages(model.Containers.Select(c => c.GetImage()!.Reference).ToList());
        RefuseToTouchForeignContainers(names);
        RemoveContainers(names);
        return names;
    }

    public static void RemoveContainers(IReadOnlyList<string> names) =>
        DockerEngine.Run("docker", ["rm", "-f", .. names], TimeSpan.FromMinutes(1));

    /// <summary>Containers whose image has no health check to run (AutoKuma: no HTTP port, no probe command): running is enough.</summary>
    public static readonly IReadOnlySet<string> WithoutHealthCheck = new HashSet<string>(StringComparer.Ordinal) { "autokuma" };

    /// <summary>Waits until every container runs and is healthy (or just runs, for <see cref="WithoutHealthCheck"/>); fails with each one's state otherwise.</summary>
    public static async Task WaitUntilHealthyAsync(IReadOnlyList<string> names, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + HealthyWithin;
        Dictionary<string, string> states;
        do
        {
            states = names.ToDictionary(n => n, n => Inspect(n, "{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}no-healthcheck{{end}}"));
            if (states.All(s => s.Value == "running/healthy" || (s.Value == "running/no-healthcheck" && WithoutHealthCheck.Contains(s.Key))))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"not all services healthy within {HealthyWithin}:\n{string.Join("\n", states.Select(s => $"  {s.Key}: {s.Value}"))}\n{diagnostics?.Invoke()}");
    }

    public static void AssertVpnAppsAreReachedThroughGluetun()
    {
        var gluetunId = Inspect("gluetun", "{{.Id}}");
        foreach (var (app, port, path) in new[] { ("qbittorrent", 8080, "/"), ("prowlarr", 9696, "/ping"), ("sonarr", 8989, "/ping"), ("radarr", 7878, "/ping") })
        {
            Assert.Equal($"container:{gluetunId}", Inspect(app, "{{.HostConfig.NetworkMode}}"));
            var call = DockerEngine.Run("docker", ["exec", "seerr", "wget", "-q", "-O", "/dev/null", $"http://gluetun:{port}{path}"], TimeSpan.FromSeconds(30));
            Assert.True(call.ExitCode == 0, $"{app} not reachable at http://gluetun:{port}{path} from seerr: {call}");
        }
    }

    /// <summary>The zones hold: the tunnel reaches the apps it publishes and nothing only on `internal`; Kopia reaches no app.</summary>
    public static void AssertZonesSeparateTheTunnelFromInternalApps()
    {
        // busybox-static's wget crashes (exit 139) with -T, so the time limit is busybox timeout's.
        static (int ExitCode, string Output) Get(string from, string url)
        {
            var call = DockerEngine.Run("docker", ["exec", from, "timeout", "10", "wget", "-q", "-O", "/dev/null", url], TimeSpan.FromSeconds(30));
            return (call.ExitCode, call.ToString());
        }

        Assert.True(Get("cloudflared", "http://seerr:5055/").ExitCode == 0, Get("cloudflared", "http://seerr:5055/").Output);
        Assert.True(Get("cloudflared", "http://plex:32400/identity").ExitCode == 0, "cloudflared cannot reach plex on edge");
        foreach (var (from, url) in new[] { ("cloudflared", "http://tautulli:8181/"), ("cloudflared", "http://gluetun:8989/ping"), ("kopia", "http://gluetun:8989/ping"), ("kopia", "http://plex:32400/identity") })
        {
            var (exitCode, output) = Get(from, url);
            Assert.True(exitCode != 0, $"{from} reached {url}, which its zones should not allow: {output}");
        }

        Assert.True(Get("seerr", "http://tautulli:8181/").ExitCode == 0, "seerr cannot reach tautulli on internal");
    }

    public static void AssertKopiaMountsAreReadOnly()
    {
        using var mounts = JsonDocument.Parse(Inspect("kopia", "{{json .Mounts}}"));
        var sources = mounts.RootElement.EnumerateArray().Where(m => m.GetProperty("Destination").GetString()!.StartsWith("/data/", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, sources.Count);
        Assert.All(sources, m => Assert.False(m.GetProperty("RW").GetBoolean(), m.GetProperty("Destination").GetString()));
        var write = DockerEngine.Run("docker", ["exec", "kopia", "touch", "/data/sonarr/kopia-was-here"], TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Read-only file system", write.StandardError);
    }

    public static string Inspect(string container, string format) =>
        DockerEngine.Run("docker", ["inspect", "-f", format, container], TimeSpan.FromSeconds(20)).StandardOutput.Trim();
}

/// <summary>Tests that bring the stack up use the same container names and Plex's host port: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DockerStackCollection
{
    public const string Name = "docker-stack";
}
