using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

/// <summary>Hardening defaults reach every target: no-new-privileges, the socket only read-only and only where a reason is given, Plex the only host port.</summary>
public class HardeningTests
{
    [Fact]
    public async Task EveryContainerOfTheDefaultStackRunsWithNoNewPrivilegesInRunModeComposeAndKubernetes()
    {
        var stack = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run);
        var run = new RunContext(stack.Values, stack.Builder.AppHostDirectory);
        using var temp = new TempDirectory();
        var compose = await AppHostRunner.PublishAsync("publish-compose", temp.Combine("compose"));
        var kubernetes = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Combine("k8s"));
        Assert.True(compose.ExitCode == 0, compose.Log);
        Assert.True(kubernetes.ExitCode == 0, kubernetes.Log);
        var composeFile = await File.ReadAllTextAsync(temp.Combine("compose", "docker-compose.yaml"));
        var pods = string.Concat(Directory.GetFiles(temp.Combine("k8s"), "*.yaml").Select(File.ReadAllText));

        // Run mode: the options Aspire has no API for reach `docker run` through Servarr's runtime arguments.
        foreach (var container in stack.Model.Containers)
        {
            var args = DockerRunArguments.For(container, run);
            var option = args.Select((a, i) => (a, i)).Where(p => p.a == "--security-opt").Select(p => args[p.i + 1]).ToList();
            Assert.True(option.SequenceEqual(["no-new-privileges:true"]), $"{container.Name}: {string.Join(' ', args)}");
        }

        Assert.Equal(stack.Model.Containers.Count(), CountOf(composeFile, "security_opt:\n    - no-new-privileges:true"));
        // Every app container, and every init container that waits for a dependency (they run as nobody with nothing).
        Assert.Equal(stack.Model.Containers.Count() + CountOf(pods, "name: wait-for-"), CountOf(pods, "allowPrivilegeEscalation: false"));
    }

    [Fact]
    public async Task OnlyWatchtowerAutoKumaAndUptimeKumaMountTheSocketAllReadOnlyAndOnlyPlexHasAHostPort()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();

        var socketUsers = model.Containers.Where(c => c.GetMounts().Any(m => m.Target == HardeningBuilderExtensions.DockerSocket)).ToList();
        Assert.Equal(["uptime-kuma", "autokuma", "watchtower"], socketUsers.Select(c => c.Name));
        Assert.All(socketUsers, c => Assert.True(c.GetMounts().Single(m => m.Target == HardeningBuilderExtensions.DockerSocket).IsReadOnly, c.Name));
        Assert.All(socketUsers, c => Assert.NotEmpty(c.Annotations.OfType<DockerSocketAccessAnnotation>().Single().Reason));
        Assert.Equal(["plex"], model.Containers.Where(c => c.GetEndpointAnnotations().Any(e => e.Port is not null)).Select(c => c.Name));
    }

    [Fact]
    public void AnOptedOutContainerRunsWithoutTheOption()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        builder.AddContainer("legacy", "docker.io/library/legacy", "1.0").WithNewPrivileges("its entrypoint calls sudo");
        var model = builder.BuildModel();
        var run = new RunContext(builder.Values(), "/tmp");

        var args = DockerRunArguments.For(model.Containers.Single(), run);

        Assert.DoesNotContain("--security-opt", args);
        Assert.DoesNotContain("no-new-privileges:true", args);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
