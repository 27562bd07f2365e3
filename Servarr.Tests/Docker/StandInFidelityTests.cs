using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// Stand-ins that emulate an upstream health command pass and fail where the real command does, so a green stack of
/// stand-ins says something about the real images (Kopia's credentials have their own test).
/// </summary>
public class StandInFidelityTests
{
    private static async Task<T> WithContainerAsync<T>(string image, Func<Func<string[], DockerEngine.Output>, Task<T>> body)
    {
        StandInStack.BuildImages([image]);
        var name = $"servarr-test-standin-{Guid.NewGuid():N}"[..32];
        var run = DockerEngine.Run("docker", ["run", "-d", "--name", name, "--network", "none", image], TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            await Task.Delay(500); // the stand-in's web server starts
            return await body(command => DockerEngine.Run("docker", ["exec", name, .. command], TimeSpan.FromSeconds(40)));
        }
        finally
        {
            DockerEngine.Run("docker", ["rm", "-f", name], TimeSpan.FromSeconds(30));
        }
    }

    [DockerFact(needsStandIns: true)]
    public async Task GluetunsHealthcheckAsksItsHealthServerAndFailsWhenNothingAnswers()
    {
        DockerEngine.RequireAvailable();
        await WithContainerAsync("docker.io/qmcgaw/gluetun:v3.41.1", async exec =>
        {
            Assert.Equal(0, exec(["/gluetun-entrypoint", "healthcheck"]).ExitCode); // default health server 127.0.0.1:9999
            Assert.NotEqual(0, exec(["env", "HEALTH_SERVER_ADDRESS=127.0.0.1:9", "/gluetun-entrypoint", "healthcheck"]).ExitCode);
            return await Task.FromResult(0);
        });
    }

    [DockerFact(needsStandIns: true)]
    public async Task UptimeKumasHealthcheckPassesOnAnyHttpAnswerAndFailsOnlyWithoutOne()
    {
        DockerEngine.RequireAvailable();
        await WithContainerAsync("docker.io/louislam/uptime-kuma:2.5.3", async exec =>
        {
            Assert.Equal(0, exec(["/app/extra/healthcheck"]).ExitCode);
            Assert.Equal(0, exec(["sh", "-c", "rm /www/index.html && /app/extra/healthcheck"]).ExitCode); // 404 is still an answer
            var refused = exec(["env", "UPTIME_KUMA_PORT=9", "/app/extra/healthcheck"]);
            Assert.Equal(1, refused.ExitCode);
            return await Task.FromResult(0);
        });
    }

    [DockerFact(needsStandIns: true)]
    public async Task CurlFailsOnAnHttpErrorOnlyWithDashF()
    {
        DockerEngine.RequireAvailable();
        await WithContainerAsync("lscr.io/linuxserver/sonarr:4.0.19.2979-ls316", async exec =>
        {
            Assert.Equal(0, exec(["curl", "-fsS", "-o", "/dev/null", "http://localhost:8989/ping"]).ExitCode);
            Assert.Equal(22, exec(["curl", "-fsS", "-o", "/dev/null", "http://localhost:8989/missing"]).ExitCode);
            Assert.Equal(0, exec(["curl", "-sS", "-o", "/dev/null", "http://localhost:8989/missing"]).ExitCode);
            Assert.Equal(7, exec(["curl", "-fsS", "-o", "/dev/null", "http://localhost:9/ping"]).ExitCode);
            return await Task.FromResult(0);
        });
    }
}
