using k8s.Models;
using Servarr.Hosting;
using Servarr.Hosting.Lifecycle;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Hosting.Validation;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// The escape hatches cannot walk around hardening: the compose services and Kubernetes objects are checked as they
/// will be written, after <c>PublishAsComposeService</c> and <c>PublishAsKubernetes</c>, and <c>doctor</c> reports what
/// they refuse.
/// </summary>
public class EscapeHatchHardeningTests
{
    private const string CapabilityFix = "remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)";

    private static IResourceBuilder<ContainerResource> App(IDistributedApplicationBuilder builder) =>
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 80);

    public static TheoryData<string, Action<ComposeService>, string> ComposeCases => new()
    {
        {
            "host network", s => s.NetworkMode = "host",
            "resource 'app': PublishAsComposeService: sets network_mode: host, which puts the container in the host's (or another container's) network; remove it from the callback"
        },
        {
            "cap_add ALL", s => s.CapAdd = ["ALL"],
            "resource 'app': PublishAsComposeService: adds capability ALL, which is as good as a privileged container; remove it (Servarr runs no privileged containers)"
        },
        { "cap_add SYS_TIME", s => s.CapAdd = ["SYS_TIME"], $"resource 'app': PublishAsComposeService: adds capability SYS_TIME, which sets the host's clock; {CapabilityFix}" },
        {
            "device", s => s.Devices = ["/dev/mem:/dev/mem"],
            "resource 'app': PublishAsComposeService: passes device /dev/mem through, which gives the container the host's hardware; remove it (allowed: /dev/net/tun for a VPN, /dev/dri for hardware transcoding)"
        },
        {
            "Docker socket", s => s.Volumes = [new ComposeServiceVolume { Type = "bind", Source = "/var/run/docker.sock", Target = "/var/run/docker.sock", ReadOnly = true }],
            "resource 'app': PublishAsComposeService: mounts the Docker socket at /var/run/docker.sock, which is root on the host; remove it from the callback, or declare it in the model with .WithDockerSocket(\"what it reads\") (read-only)"
        },
        {
            "socket folder, relative to the compose file", s => s.Volumes = [new ComposeServiceVolume { Type = "bind", Source = "../../../../var/run", Target = "/run-host" }],
            "resource 'app': PublishAsComposeService: mounts /var/run at /run-host, a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs"
        },
        {
            "/etc writable", s => s.Volumes = [new ComposeServiceVolume { Type = "bind", Source = "/etc", Target = "/host-etc" }],
            "resource 'app': PublishAsComposeService: mounts the host's system folder /etc writable at /host-etc; mount a folder of the app's own, or pass isReadOnly: true"
        },
        {
            "no-new-privileges dropped", s => s.SecurityOpt = null,
            "resource 'app': PublishAsComposeService: drops security_opt no-new-privileges:true; keep it, or declare .WithNewPrivileges(\"why\") in the model"
        },
        {
            "seccomp off", s => s.SecurityOpt = ["no-new-privileges:true", "seccomp=unconfined"],
            "resource 'app': PublishAsComposeService: sets security_opt seccomp=unconfined, which turns off a kernel protection; remove it from the callback"
        },
        {
            "host port", s => s.Ports = ["8080:80"],
            "resource 'app': PublishAsComposeService: publishes port 8080:80 on every interface, which the model does not declare; drop it from the callback, or declare it with port: and .WithHostPortAllowed(\"who connects there\")"
        },
        {
            "bad image", s => s.Image = "docker.io/library/App:1.0",
            "resource 'app': PublishAsComposeService: image reference 'docker.io/library/App:1.0' is not valid (the repository must be lower case); write it as registry/name:tag in lower case without spaces, e.g. docker.io/linuxserver/sonarr:4.0.15"
        },
    };

    [Theory]
    [MemberData(nameof(ComposeCases))]
    public void ComposePublisherRefusesWhatTheCallbackAdded(string @case, Action<ComposeService> change, string expected)
    {
        var builder = TestAppBuilder.Create();
        App(builder).PublishAsComposeService((_, service) => change(service));

        var refused = Assert.Throws<ModelValidationException>(() => ComposePublisher.BuildFile(Context(builder), "/tmp/servarr/out"));

        Assert.True(refused.Message == expected, $"{@case}: expected\n  {expected}\nbut got\n  {refused.Message}");
    }

    [Fact]
    public void ComposeCallbacksThatKeepTheHardeningPass()
    {
        var builder = TestAppBuilder.Create();
        App(builder).PublishAsComposeService((_, service) =>
        {
            service.Ports = ["127.0.0.1:8080:80"];
            service.Devices = ["/dev/dri:/dev/dri"];
            service.CapAdd = ["CHOWN"];
            service.Volumes = [new ComposeServiceVolume { Type = "bind", Source = "/etc/localtime", Target = "/etc/localtime", ReadOnly = true }];
        });

        Assert.Equal(["127.0.0.1:8080:80"], ComposePublisher.BuildFile(Context(builder), "/tmp/out").Services["app"].Ports);
    }

    public static TheoryData<string, Action<V1PodSpec>, string> KubernetesCases => new()
    {
        {
            "hostNetwork", p => p.HostNetwork = true,
            "resource 'app': PublishAsKubernetes: sets hostNetwork: true on Deployment 'app', which shares the node's network namespace with the pod; remove it from the callback"
        },
        {
            "hostPID", p => p.HostPID = true,
            "resource 'app': PublishAsKubernetes: sets hostPID: true on Deployment 'app', which shares the node's process namespace with the pod; remove it from the callback"
        },
        {
            "privileged", p => p.Containers[0].SecurityContext.Privileged = true,
            "resource 'app': PublishAsKubernetes: sets securityContext.privileged: true on container 'app', which gives it the whole node; remove it from the callback"
        },
        {
            "capability ALL", p => p.Containers[0].SecurityContext.Capabilities = new V1Capabilities { Add = ["ALL"] },
            "resource 'app': PublishAsKubernetes: adds capability ALL, which is as good as a privileged container; remove it (Servarr runs no privileged containers)"
        },
        {
            "capability BPF in a sidecar", p => p.Containers.Add(new V1Container { Name = "sidecar", Image = "docker.io/library/busybox:1.37.0", SecurityContext = new V1SecurityContext { Capabilities = new V1Capabilities { Add = ["BPF"] } } }),
            $"resource 'app': PublishAsKubernetes: adds capability BPF, which loads eBPF programs into the host's kernel; {CapabilityFix}"
        },
        {
            "privilege escalation", p => p.Containers[0].SecurityContext.AllowPrivilegeEscalation = true,
            "resource 'app': PublishAsKubernetes: sets allowPrivilegeEscalation: true on container 'app'; remove it, or declare .WithNewPrivileges(\"why\") in the model"
        },
        {
            "hostPath /var/run", p =>
            {
                p.Volumes = [new V1Volume { Name = "run", HostPath = new V1HostPathVolumeSource { Path = "/var/run" } }];
                p.Containers[0].VolumeMounts = [new V1VolumeMount { Name = "run", MountPath = "/host-run", ReadOnlyProperty = true }];
            },
            "resource 'app': PublishAsKubernetes: mounts /var/run at /host-run, a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs"
        },
        {
            "hostPath /dev/mem", p => p.Volumes = [new V1Volume { Name = "mem", HostPath = new V1HostPathVolumeSource { Path = "/dev/mem" } }],
            "resource 'app': PublishAsKubernetes: passes device /dev/mem through, which gives the container the host's hardware; remove it (allowed: /dev/net/tun for a VPN, /dev/dri for hardware transcoding)"
        },
        {
            "hostPort", p => p.Containers[0].Ports[0].HostPort = 80,
            "resource 'app': PublishAsKubernetes: sets hostPort 80 on container 'app', which listens on the node's every interface; drop it from the callback (the Service and Traefik are the way in)"
        },
    };

    [Theory]
    [MemberData(nameof(KubernetesCases))]
    public void KubernetesPublisherRefusesWhatTheCallbackAdded(string @case, Action<V1PodSpec> change, string expected)
    {
        var builder = TestAppBuilder.Create();
        App(builder).PublishAsKubernetes((_, objects) => change(objects.OfType<V1Deployment>().Single().Spec.Template.Spec));

        var refused = Assert.Throws<ModelValidationException>(() => KubernetesPublisher.Render(Context(builder), new KubernetesOptions()));

        Assert.True(refused.Message == expected, $"{@case}: expected\n  {expected}\nbut got\n  {refused.Message}");
    }

    [Fact]
    public void DoctorReportsWhatAnEscapeHatchPutInThePublishedFiles()
    {
        var builder = TestAppBuilder.Create();
        App(builder).PublishAsKubernetes((_, objects) => objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers[0].SecurityContext.Privileged = true)
            .PublishAsComposeService((_, service) => service.NetworkMode = "host");
        var model = builder.BuildModel();

        var lines = DoctorStep.Render(model, builder.Configuration, out var problems, builder.AppHostDirectory);

        Assert.Equal(2, problems);
        Assert.Contains("  app                  PublishAsComposeService, PublishAsKubernetes", lines);
        Assert.Contains("Problems (2):", lines);
        Assert.Contains("  resource 'app': PublishAsComposeService: sets network_mode: host, which puts the container in the host's (or another container's) network; remove it from the callback", lines);
        Assert.Contains("  resource 'app': PublishAsKubernetes: sets securityContext.privileged: true on container 'app', which gives it the whole node; remove it from the callback", lines);
    }

    [Fact]
    public void DoctorReportsTheSocketFolderAParameterPointsAt()
    {
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:engine-dir"] = "/var/run/" });
        App(builder).WithBindMount(ReferenceExpression.Create($"{builder.AddParameter("engine-dir")}"), "/engine", isReadOnly: true);

        var lines = DoctorStep.Render(builder.BuildModel(), builder.Configuration, out var problems, builder.AppHostDirectory);

        Assert.Equal(1, problems);
        Assert.Contains("  resource 'app': mounts /var/run/ (that is /var/run) at /engine, a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs", lines);
    }

    [Fact]
    public void DoctorFindsNoProblemInAHarmlessEscapeHatch()
    {
        var builder = TestAppBuilder.Create();
        App(builder).PublishAsComposeService((_, service) => service.Devices = ["/dev/dri:/dev/dri"]);

        var lines = DoctorStep.Render(builder.BuildModel(), builder.Configuration, out var problems, builder.AppHostDirectory);

        Assert.Equal(0, problems);
        Assert.Contains("Problems: none", lines);
    }

    private static PublishContext Context(IDistributedApplicationBuilder builder) =>
        new(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
}
