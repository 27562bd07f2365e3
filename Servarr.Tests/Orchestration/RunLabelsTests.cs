using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Orchestration.Vpn;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>Every run-mode container carries servarr.app and servarr.resource, which `down` finds the app's containers by.</summary>
public class RunLabelsTests
{
    private const string App = "servarr-3f9a1c2b";

    [Fact]
    public async Task EveryContainerAspiresOrchestratorRunsGetsTheAppAndResourceLabels()
    {
        using var temp = new TempDirectory();
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run, appHostDirectory: temp.Path);
        builder.AddContainer("whoami", "docker.io/traefik/whoami", "v1.10");
        // A label of the app's own with Servarr's key does not take the container away from its app.
        builder.AddContainer("lookalike", "docker.io/traefik/whoami", "v1.10").WithAnnotation(new ContainerLabelAnnotation(ServarrLabels.App, ReferenceExpression.Create($"someone-else")));
        var model = builder.BuildModel();
        var run = new RunContext(builder.Values(), temp.Path, App);

        await RunPreparation.PrepareAsync(model, run, CancellationToken.None);

        foreach (var container in model.Containers)
        {
            var args = new List<object>();
            foreach (var callback in container.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
            {
                await callback.Callback(new ContainerRuntimeArgsCallbackContext(args));
            }

            var labels = args.Select((a, i) => (a, i)).Where(p => Equals(p.a, "--label")).Select(p => (string)args[p.i + 1]).ToList();
            Assert.Contains($"{ServarrLabels.App}={App}", labels);
            Assert.Contains($"{ServarrLabels.Resource}={container.Name}", labels);
            Assert.DoesNotContain($"{ServarrLabels.App}=someone-else", labels);
        }
    }

    [Fact]
    public void TheVpnAppsCreatedInTheGatewaysNamespaceGetThemToo()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var app = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4.0").Resource;
        var run = new RunContext(builder.Values(), Path.GetTempPath(), App);

        var spec = VpnSpecBuilder.Build(app, "lscr.io/linuxserver/sonarr:4.0", "gw", new Dictionary<string, string>(), [], "sonarr-ab12cd34",
            new Dictionary<string, string> { [VpnNames.SessionLabel] = "ab12cd34" }, run);
        var labels = VpnDockerMapper.Map(spec).Labels!;

        Assert.Equal(App, labels[ServarrLabels.App]);
        Assert.Equal("sonarr", labels[ServarrLabels.Resource]);
    }

    [Fact]
    public void WithoutAnAppNameNoServarrLabelIsAdded()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var container = builder.AddContainer("whoami", "docker.io/traefik/whoami", "v1.10").Resource;

        var settings = DockerRunSettings.For(container, new RunContext(builder.Values(), Path.GetTempPath()));

        Assert.Empty(settings.Labels);
    }
}
