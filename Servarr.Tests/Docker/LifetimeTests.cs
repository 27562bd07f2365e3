using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// Lifetimes across real AppHost processes (TestSupport/Lifetime.AppHost: a persistent container and a session one):
/// SIGKILL leaves both; the next run sweeps the orphan and adopts the persistent one unchanged; Ctrl+C (SIGINT)
/// removes only the session container; a changed spec recreates the persistent one; <c>down</c> removes the rest.
/// </summary>
[Collection(DockerStackCollection.Name)]
public class LifetimeTests
{
    private const string App = "lifetime";
    private const string Keeper = "lifetime-keeper";
    private const string Session = "lifetime-session";
    private static readonly TimeSpan s_within = TimeSpan.FromMinutes(2);

    [DockerFact(needsStandIns: true)]
    public async Task KilledRunsAreSweptPersistentContainersAdoptedAndCtrlCRemovesTheSession()
    {
        DockerEngine.RequireAvailable();
        var sonarr = (await AppHostRunner.BuildDefaultStackAsync("run")).Model.Containers.Single(c => c.Name == "sonarr").GetImage()!.Reference;
        StandInStack.BuildImages([sonarr]);
        StandInStack.RefuseToTouchForeignContainers([Keeper, Session]);
        StandInStack.RemoveContainers([Keeper, Session]);
        var environment = new Dictionary<string, string> { ["Lifetime__Image"] = sonarr, ["CI"] = "true" };

        using (var first = Start(environment))
        {
            await WaitHealthyAsync(first);
            var (keeper, session) = (Id(Keeper), Id(Session));
            first.Signal("KILL");
            await first.WaitForExitAsync(s_within);
            Assert.Equal((keeper, session), (Id(Keeper), Id(Session)));

            using var second = Start(environment);
            await WaitHealthyAsync(second);
            Assert.Equal(keeper, Id(Keeper));
            Assert.NotEqual(session, Id(Session));
            Assert.Equal("", Id(session));

            second.Signal("INT");
            Assert.Equal(0, await second.WaitForExitAsync(s_within));
            Assert.Equal("", Id(Session));
            Assert.Equal("true", StandInStack.Inspect(Keeper, "{{.State.Running}}"));
            Assert.Equal(keeper, Id(Keeper));
        }

        using (var changed = Start(new Dictionary<string, string>(environment) { ["Parameters__greeting"] = "changed" }))
        {
            var before = Id(Keeper);
            await WaitHealthyAsync(changed);
            Assert.NotEqual(before, Id(Keeper));
            Assert.Contains("GREETING=changed", StandInStack.Inspect(Keeper, "{{json .Config.Env}}"));
            changed.Signal("TERM");
            Assert.Equal(0, await changed.WaitForExitAsync(s_within));
        }

        using var down = Start(environment, "down", "--yes");
        Assert.Equal(0, await down.WaitForExitAsync(s_within));
        var left = DockerEngine.Run("docker", ["ps", "-a", "-q", "--filter", $"label={ServarrLabels.App}={App}"], TimeSpan.FromSeconds(20));
        Assert.Equal("", left.StandardOutput.Trim());
    }

    private static AppHostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        AppHostProcess.Start("Lifetime.AppHost", args.Length == 0 ? ["run", "--pull", "never"] : args, environment);

    private static Task WaitHealthyAsync(AppHostProcess process) =>
        process.WaitForLineAsync(l => l.Contains($"{Session} ", StringComparison.Ordinal) && l.Contains("Running (healthy)", StringComparison.Ordinal), s_within);

    /// <summary>The full id of the container with this name or id, or "" when there is none.</summary>
    private static string Id(string nameOrId) =>
        DockerEngine.Run("docker", ["inspect", "-f", "{{.Id}}", nameOrId], TimeSpan.FromSeconds(20)) is { ExitCode: 0 } found ? found.StandardOutput.Trim() : "";
}
