using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// Kopia's health check, as the model declares it, against the stand-in that checks credentials the way
/// <c>kopia server status</c> 0.23 does: the control user passes; the UI user (what the bare command sends, since it
/// reads KOPIA_SERVER_USERNAME/PASSWORD) gets 403; a wrong password gets 401.
/// </summary>
public class KopiaHealthCheckTests
{
    [DockerFact(needsStandIns: true)]
    public async Task TheDeclaredCheckPassesAndTheBareStatusCommandFailsAsKopiaDoes()
    {
        DockerEngine.RequireAvailable();
        var app = await AppHostRunner.BuildStackAsync();
        var kopia = app.Model.Containers.Single(c => c.Name == "kopia");
        var image = kopia.GetImage()!.Reference;
        StandInStack.BuildImages([image]);
        var check = kopia.Annotations.OfType<ContainerHealthCheckAnnotation>().Single().Command;
        var name = $"servarr-test-kopia-{Guid.NewGuid():N}"[..30];
        var env = new Dictionary<string, string>
        {
            ["KOPIA_SERVER_USERNAME"] = "admin",
            ["KOPIA_SERVER_PASSWORD"] = "ui-password",
            ["KOPIA_SERVER_CONTROL_USER"] = "server-control",
            ["KOPIA_SERVER_CONTROL_PASSWORD"] = "control-password",
        };
        Assert.All(env.Keys, k => Assert.Contains(k, EnvironmentEvaluator.Evaluate(kopia, ServarrExecution.Publish).Select(e => e.Key)));

        var run = DockerEngine.Run("docker", ["run", "-d", "--name", name, .. env.SelectMany(e => new[] { "-e", $"{e.Key}={e.Value}" }), image,
            "server", "start", "--insecure", "--address=0.0.0.0:51515"], TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            DockerEngine.Output Exec(params string[] command) => DockerEngine.Run("docker", ["exec", name, .. command], TimeSpan.FromSeconds(30));
            var declared = Exec([.. check]);
            for (var i = 0; i < 20 && declared.ExitCode != 0; i++)
            {
                await Task.Delay(250);
                declared = Exec([.. check]);
            }

            Assert.True(declared.ExitCode == 0, $"the declared health check failed: {declared}");
            var bare = Exec("kopia", "server", "status", "--address=http://127.0.0.1:51515");
            Assert.Equal(1, bare.ExitCode);
            Assert.Contains("403 Forbidden", bare.StandardError);
            var wrong = Exec("kopia", "server", "status", "--address=http://127.0.0.1:51515",
                "--server-control-username=server-control", "--server-control-password=wrong");
            Assert.Equal(1, wrong.ExitCode);
            Assert.Contains("401 Unauthorized", wrong.StandardError);
        }
        finally
        {
            DockerEngine.Run("docker", ["rm", "-f", name], TimeSpan.FromSeconds(30));
        }
    }
}
