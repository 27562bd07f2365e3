using k8s.Models;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Hosting.Orchestration.Vpn;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Hosting.Validation;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

/// <summary>
/// <c>WithOnlyCapabilities</c> (drop all, keep what the image needs) and <c>WithResourceLimits</c> reach every engine the
/// same way: compose, Kubernetes, run mode's <c>docker run</c> options and the VPN apps' create parameters; bad values are
/// one line each, and an escape hatch cannot undo the drop.
/// </summary>
public class CapabilitiesAndLimitsTests
{
    private static IResourceBuilder<ContainerResource> App(IDistributedApplicationBuilder builder) =>
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 80);

    [Fact]
    public void DropAllKeepWhatIsDeclaredAndAddOnTopInEveryEngine()
    {
        var builder = TestAppBuilder.Create();
        App(builder).WithOnlyCapabilities("chown", "CAP_SETUID", "SETGID").WithCapability("NET_BIND_SERVICE").WithResourceLimits(memoryMiB: 512, cpus: 1.5);
        var context = Context(builder);
        var app = context.Model.Containers.Single();

        var service = ComposePublisher.BuildFile(context, "/tmp/out").Services["app"];
        Assert.Equal(["ALL"], service.CapDrop);
        Assert.Equal(["CHOWN", "SETUID", "SETGID", "NET_BIND_SERVICE"], service.CapAdd);
        Assert.Equal(("512m", "1.5"), (service.MemLimit, service.Cpus));

        var files = KubernetesPublisher.Render(context, new KubernetesOptions()).ToDictionary(f => f.Name, f => f.Content);
        Assert.Contains("capabilities:\n            add:\n            - CHOWN\n            - SETUID\n            - SETGID\n            - NET_BIND_SERVICE\n            drop:\n            - ALL\n", files["app.yaml"]);
        Assert.Contains("resources:\n          limits:\n            cpu: 1500m\n            memory: 512Mi\n", files["app.yaml"]);

        var run = new RunContext(builder.Values(), Path.GetTempPath());
        var args = DockerRunArguments.For(app, run);
        Assert.Equal(["--cap-drop", "ALL", "--cap-add", "CHOWN", "--cap-add", "SETUID", "--cap-add", "SETGID", "--cap-add", "NET_BIND_SERVICE"], args.Take(10));
        Assert.Equal(["--memory", "512m", "--cpus", "1.5"], args.SkipWhile(a => a != "--memory").Take(4));
        var vpn = VpnDockerMapper.Map(new VpnContainerSpec("app-s1", "img:1", "gw", new Dictionary<string, string>(), [], null, [],
            DockerRunSettings.For(app, run), new Dictionary<string, string>()));
        Assert.Equal(["ALL"], vpn.HostConfig!.CapDrop);
        Assert.Equal((512L * 1024 * 1024, 1_500_000_000L), (vpn.HostConfig.Memory, vpn.HostConfig.NanoCPUs));
    }

    [Fact]
    public void AContainerThatDeclaresNothingKeepsTheEngineDefaultsAndDoctorSaysSo()
    {
        var builder = TestAppBuilder.Create();
        App(builder);
        builder.AddContainer("lean", "docker.io/library/lean", "1.0").WithOnlyCapabilities();
        var context = Context(builder);

        var file = ComposePublisher.BuildFile(context, "/tmp/out");
        Assert.Null(file.Services["app"].CapDrop);
        Assert.Equal(["ALL"], file.Services["lean"].CapDrop);
        Assert.Null(file.Services["lean"].CapAdd);
        var report = Servarr.Hosting.Diagnostics.ExposureReport.Render(context.Model, _ => null);
        Assert.Contains("  capabilities: 1 of 2 containers drop all but what they declare (the engine's defaults: app; declare what the image needs with .WithOnlyCapabilities(...))\n", report);
    }

    public static TheoryData<string, Action<IDistributedApplicationBuilder>, string> BadInput => new()
    {
        {
            "a capability that is not a default", b => App(b).WithOnlyCapabilities("CHOWN", "SYS_ADMIN"),
            "resource 'app': keeps capability SYS_ADMIN in .WithOnlyCapabilities(...), which is not one of Docker's defaults; list only defaults there (e.g. CHOWN, SETUID, SETGID) and add SYS_ADMIN with .WithCapability(\"SYS_ADMIN\"), where it is checked"
        },
        {
            "not a capability name", b => App(b).WithOnlyCapabilities("set uid"),
            "resource 'app': .WithOnlyCapabilities(\"set uid\"): 'set uid' is not a Linux capability name; pass one like \"NET_ADMIN\" (see capabilities(7))"
        },
        {
            "memory below Docker's minimum", b => App(b).WithResourceLimits(memoryMiB: 4),
            "resource 'app': .WithResourceLimits(memoryMiB: 4): memory limit 4 MiB is below Docker's minimum of 6 MiB; pass memoryMiB: a number of MiB such as 2048"
        },
        {
            "too fine a CPU count", b => App(b).WithResourceLimits(cpus: 0.333),
            "resource 'app': .WithResourceLimits(cpus: 0.333): CPU limit 0.333 is not a CPU count Docker takes; pass cpus: from 0.01 to 1024 with at most two decimals, e.g. 1.5"
        },
        {
            "no limit at all", b => App(b).WithResourceLimits(),
            "resource 'app': .WithResourceLimits(): no limit given; pass memoryMiB: (e.g. 2048) and/or cpus: (e.g. 1.5)"
        },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void BadValuesAreOneLineEach(string @case, Action<IDistributedApplicationBuilder> declare, string expected)
    {
        var builder = TestAppBuilder.Create();
        declare(builder);

        var problems = builder.Problems();

        Assert.True(problems.SequenceEqual([expected]), $"{@case}: expected exactly\n  {expected}\nbut got\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void AnEscapeHatchCannotUndoTheDrop()
    {
        var builder = TestAppBuilder.Create();
        App(builder).WithOnlyCapabilities("CHOWN")
            .PublishAsComposeService((_, service) => service.CapDrop = null)
            .PublishAsKubernetes((_, objects) => objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers[0].SecurityContext.Capabilities.Drop = null);
        var context = Context(builder);

        var compose = Assert.Throws<ModelValidationException>(() => ComposePublisher.BuildFile(context, "/tmp/out"));
        var kubernetes = Assert.Throws<ModelValidationException>(() => KubernetesPublisher.Render(context, new KubernetesOptions()));

        Assert.Equal("resource 'app': PublishAsComposeService: removes cap_drop: [ALL], which the model declares (.WithOnlyCapabilities); keep it in the callback, or change the model's list", compose.Message);
        Assert.Equal("resource 'app': PublishAsKubernetes: removes capabilities.drop: [ALL] from container 'app', which the model declares (.WithOnlyCapabilities); keep it in the callback, or change the model's list", kubernetes.Message);
    }

    [Fact]
    public async Task DockerComposeReadsTheDropAndTheLimitsAsWritten()
    {
        var builder = TestAppBuilder.Create();
        App(builder).WithOnlyCapabilities("CHOWN").WithResourceLimits(memoryMiB: 2048, cpus: 0.5);
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("docker-compose.yaml"), ComposeYaml.Serialize(ComposePublisher.BuildFile(Context(builder), temp.Path)));

        var config = TestSupport.DockerEngine.Run("docker-compose", ["-f", temp.Combine("docker-compose.yaml"), "config"], TimeSpan.FromSeconds(60), temp.Path);

        Assert.True(config.ExitCode == 0, config.ToString());
        Assert.Contains("cap_drop:\n    - ALL\n", config.StandardOutput);
        Assert.Contains("mem_limit: 2048m", config.StandardOutput);
        Assert.Contains("cpus: 0.5", config.StandardOutput);
    }

    private static PublishContext Context(IDistributedApplicationBuilder builder) =>
        new(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
}
