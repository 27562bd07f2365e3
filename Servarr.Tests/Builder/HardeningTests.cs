// Docker.DotNet's models mark every property nullable; these assertions read what the mapper always sets.
#nullable disable warnings
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

/// <summary>Hardening defaults reach every target: no-new-privileges, the socket only read-only and only where a reason is given, Plex the only host port.</summary>
public class HardeningTests
{
    [Fact]
    public async Task EveryContainerOfTheDefaultStackRunsWithNoNewPrivilegesInRunModeComposeAndKubernetes()
    {
        var app = (await AppHostRunner.RunAsync(["run"], skipRun: true)).Application!;
        var run = new RunContext("servarr", "s", new ParameterValues(app.Builder.Configuration, app.Builder.ExecutionContext, null), "/tmp",
            new Dictionary<(string, string), int>());
        using var temp = new TempDirectory();
        var published = await AppHostRunner.RunAsync(["publish", "--publisher", "compose,kubernetes", "--output-path", temp.Path]);
        Assert.True(published.ExitCode == 0, published.Error);
        var compose = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        var pods = string.Concat(Directory.GetFiles(temp.Path, "*.yaml").Where(f => !f.EndsWith("docker-compose.yaml", StringComparison.Ordinal)).Select(File.ReadAllText));

        foreach (var container in app.Model.Containers)
        {
            Assert.Equal(["no-new-privileges:true"], ContainerSpecMapper.Map(container, app.Model, run).Parameters.HostConfig.SecurityOpt);
        }

        Assert.Equal(app.Model.Containers.Count(), CountOf(compose, "security_opt:\n    - no-new-privileges:true"));
        Assert.Equal(app.Model.Containers.Count(), CountOf(pods, "allowPrivilegeEscalation: false"));
    }

    [Fact]
    public async Task OnlyWatchtowerAutoKumaAndUptimeKumaMountTheSocketAllReadOnlyAndOnlyPlexHasAHostPort()
    {
        var model = (await AppHostRunner.BuildDefaultStackAsync()).Model;

        var socketUsers = model.Containers.Where(c => c.GetMounts().Any(m => m.Target == HardeningBuilderExtensions.DockerSocket)).ToList();
        Assert.Equal(["uptime-kuma", "autokuma", "watchtower"], socketUsers.Select(c => c.Name));
        Assert.All(socketUsers, c => Assert.True(c.GetMounts().Single(m => m.Target == HardeningBuilderExtensions.DockerSocket).IsReadOnly, c.Name));
        Assert.All(socketUsers, c => Assert.NotEmpty(c.Annotations.OfType<DockerSocketAccessAnnotation>().Single().Reason));
        Assert.Equal(["plex"], model.Containers.Where(c => c.GetEndpoints().Any(e => e.Port is not null)).Select(c => c.Name));
    }

    [Fact]
    public void AnOptedOutContainerRunsWithoutTheOption()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        builder.AddContainer("legacy", "docker.io/library/legacy", "1.0").WithNewPrivileges("its entrypoint calls sudo");
        var app = builder.Build();
        var run = new RunContext("servarr", "s", builder.Values(), "/tmp", new Dictionary<(string, string), int>());

        Assert.Null(ContainerSpecMapper.Map(app.Model.Containers.Single(), app.Model, run).Parameters.HostConfig.SecurityOpt);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
