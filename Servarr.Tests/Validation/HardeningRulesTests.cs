using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Validation;

/// <summary>
/// Hardening is checked on resolved values: sockets through a parent folder, a parameter or another engine, system
/// folders mounted writable (also as <c>../../..</c> or <c>/srv/../etc</c>), capabilities and devices outside the
/// allow-list, image references Docker refuses, public hostnames terraform or the SSH route cannot take.
/// </summary>
public class HardeningRulesTests
{
    private static IResourceBuilder<ContainerResource> App(IDistributedApplicationBuilder builder, string name = "app") =>
        builder.AddContainer(name, "docker.io/library/app", "1.0");

    private const string SocketFolder = "a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs";
    private const string CapabilityFix = "remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)";
    private const string DeviceFix = "which gives the container the host's hardware; remove it (allowed: /dev/net/tun for a VPN, /dev/dri for hardware transcoding)";
    private const string ImageFix = "write it as registry/name:tag in lower case without spaces, e.g. docker.io/linuxserver/sonarr:4.0.15";

    public static TheoryData<string, Action<IDistributedApplicationBuilder>, string> Cases => new()
    {
        {
            "socket's parent folder", b => App(b).WithBindMount("/var/run", "/host-run", isReadOnly: true),
            $"resource 'app': mounts /var/run at /host-run, {SocketFolder}"
        },
        {
            "socket's parent folder with a trailing slash", b => App(b).WithBindMount("/var/run/", "/host-run", isReadOnly: true),
            $"resource 'app': mounts /var/run/ (that is /var/run) at /host-run, {SocketFolder}"
        },
        {
            "/run", b => App(b).WithBindMount("/run", "/host-run", isReadOnly: true),
            $"resource 'app': mounts /run at /host-run, {SocketFolder}"
        },
        {
            "/var", b => App(b).WithBindMount("/var", "/host-var", isReadOnly: true),
            $"resource 'app': mounts /var at /host-var, {SocketFolder}"
        },
        {
            "the host's root, writable", b => App(b).WithBindMount("/", "/host"),
            $"resource 'app': mounts / at /host, {SocketFolder}"
        },
        {
            "../../.. from the AppHost folder", b => App(b).WithBindMount("../../..", "/host"),
            // Aspire roots a relative source in the AppHost folder (/tmp/servarr-tests/apphost) and normalises it
            $"resource 'app': mounts / at /host, {SocketFolder}"
        },
        {
            "the Docker socket through a parameter", b => App(b).WithBindMount(
                ReferenceExpression.Create($"{b.AddParameter("run-dir", "/var/run", publishValueAsDefault: true)}/docker.sock"), "/engine", isReadOnly: true),
            "resource 'app': mounts the Docker socket at /engine, which is root on the host; remove the mount, or if the app must read the engine use .WithDockerSocket(\"what it reads\") (read-only)"
        },
        {
            "the socket's folder through a parameter", b => App(b).WithBindMount(
                ReferenceExpression.Create($"{b.AddParameter("run-dir", "/var/run", publishValueAsDefault: true)}"), "/engine", isReadOnly: true),
            $"resource 'app': mounts /var/run at /engine, {SocketFolder}"
        },
        {
            "containerd's socket", b => App(b).WithBindMount("/run/containerd/containerd.sock", "/run/containerd/containerd.sock", isReadOnly: true),
            "resource 'app': mounts the container engine's socket /run/containerd/containerd.sock at /run/containerd/containerd.sock, which is root on the host; remove the mount (only the Docker socket may be mounted, read-only, with .WithDockerSocket(\"what it reads\"))"
        },
        {
            "containerd's folder", b => App(b).WithBindMount("/run/containerd", "/containerd", isReadOnly: true),
            $"resource 'app': mounts /run/containerd at /containerd, {SocketFolder}"
        },
        {
            "podman's socket", b => App(b).WithBindMount("/run/user/1000/podman/podman.sock", "/var/run/podman.sock", isReadOnly: true),
            "resource 'app': mounts the container engine's socket /run/user/1000/podman/podman.sock at /var/run/podman.sock, which is root on the host; remove the mount (only the Docker socket may be mounted, read-only, with .WithDockerSocket(\"what it reads\"))"
        },
        {
            "/etc writable", b => App(b).WithBindMount("/etc", "/host-etc"),
            "resource 'app': mounts the host's system folder /etc writable at /host-etc; mount a folder of the app's own, or pass isReadOnly: true"
        },
        {
            "/etc through ..", b => App(b).WithBindMount("/srv/../etc/ssh", "/ssh"),
            "resource 'app': mounts the host's system folder /srv/../etc/ssh (that is /etc/ssh) writable at /ssh; mount a folder of the app's own, or pass isReadOnly: true"
        },
        {
            "/home writable", b => App(b).WithBindMount("/home", "/homes"),
            "resource 'app': mounts the host's system folder /home writable at /homes; mount a folder of the app's own, or pass isReadOnly: true"
        },
        { "/dev/mem", b => App(b).WithDevice("/dev/mem"), $"resource 'app': passes device /dev/mem through, {DeviceFix}" },
        { "/dev/sda", b => App(b).WithDevice("/dev/sda"), $"resource 'app': passes device /dev/sda through, {DeviceFix}" },
        { "/dev/dri/../sda", b => App(b).WithDevice("/dev/dri/../sda"), $"resource 'app': passes device /dev/dri/../sda through, {DeviceFix}" },
        { "BPF", b => App(b).WithCapability("BPF"), $"resource 'app': adds capability BPF, which loads eBPF programs into the host's kernel; {CapabilityFix}" },
        { "SYS_TIME", b => App(b).WithCapability("CAP_SYS_TIME"), $"resource 'app': adds capability SYS_TIME, which sets the host's clock; {CapabilityFix}" },
        { "PERFMON", b => App(b).WithCapability("perfmon"), $"resource 'app': adds capability PERFMON, which reads the host's performance and kernel data; {CapabilityFix}" },
        {
            "NET_ADMIN outside a VPN gateway", b => App(b).WithCapability("NET_ADMIN"),
            $"resource 'app': adds capability NET_ADMIN, which reconfigures the network (only a VPN gateway needs it); {CapabilityFix}"
        },
        {
            "ALL", b => App(b).WithCapability("ALL"),
            "resource 'app': adds capability ALL, which is as good as a privileged container; remove it (Servarr runs no privileged containers)"
        },
        {
            "unknown capability", b => App(b).WithCapability("NET_BIND"),
            "resource 'app': adds capability 'NET_BIND', which is not a Linux capability; remove it, or write its name from capabilities(7) without CAP_ (e.g. NET_BIND_SERVICE)"
        },
        {
            "tag with a trailing space", b => b.AddContainer("app", "docker.io/library/app", "latest "),
            $"resource 'app': image reference 'docker.io/library/app:latest ' is not valid (it contains white space); {ImageFix}"
        },
        {
            "upper-case repository", b => b.AddContainer("app", "docker.io/LinuxServer/sonarr", "4.0.15"),
            $"resource 'app': image reference 'docker.io/LinuxServer/sonarr:4.0.15' is not valid (the repository must be lower case); {ImageFix}"
        },
        {
            "upper-case repository without a registry", b => b.AddContainer("app", "LinuxServer/sonarr", "4.0.15"),
            $"resource 'app': image reference 'LinuxServer/sonarr:4.0.15' is not valid (the repository must be lower case); {ImageFix}"
        },
        {
            "space in the registry", b => b.AddContainer("app", "library/app", "1.0").WithImageRegistry("my registry.io"),
            $"resource 'app': image reference 'my registry.io/library/app:1.0' is not valid (it contains white space); {ImageFix}"
        },
        {
            "bad tag", b => b.AddContainer("app", "docker.io/library/app", "-1.0"),
            $"resource 'app': image reference 'docker.io/library/app:-1.0' is not valid (it does not read as registry/name:tag); {ImageFix}"
        },
        {
            "public hostname starting with a digit", b => App(b).WithHttpEndpoint(targetPort: 80).WithPublicHostname("4k"),
            "resource 'app': public hostname '4k' starts with a digit, so it cannot name its terraform DNS record; start it with a letter (e.g. 'app4k')"
        },
        {
            "public hostname ssh", b => App(b).WithHttpEndpoint(targetPort: 80).WithPublicHostname("ssh"),
            "resource 'app': public hostname 'ssh' would shadow the SSH route the cloudflare publisher adds (ssh.<domain>); choose another subdomain"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputGetsOneClearLine(string @case, Action<IDistributedApplicationBuilder> declare, string expected)
    {
        var builder = TestAppBuilder.Create();
        declare(builder);

        var problems = builder.Problems();

        Assert.True(problems.SequenceEqual([expected]), $"{@case}: expected exactly\n  {expected}\nbut got\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void UpFromADeepAppHostFolderReachesTheUsersHomeWhichIsRefusedWritable()
    {
        var builder = TestAppBuilder.Create(appHostDirectory: "/home/alice/src/servarr/Servarr.AppHost");
        App(builder).WithBindMount("../../..", "/alice");
        App(builder, "reader").WithBindMount("../../..", "/alice", isReadOnly: true);

        Assert.Equal(["resource 'app': mounts the host's home folder /home/alice writable at /alice; mount a folder of the app's own, or pass isReadOnly: true"],
            builder.Problems());
    }

    [Fact]
    public void ARelativeSourceThatClimbsOutOfTheAppHostFolderIsRefused()
    {
        var builder = TestAppBuilder.Create();
        App(builder).WithBindMount(ServarrExpressions.Literal("../../.."), "/up", isReadOnly: true);

        Assert.Equal(["resource 'app': bind source ../../.. climbs out of the AppHost folder; use an absolute host path"], builder.Problems());
    }

    [Fact]
    public void WhatTheStackNeedsIsAllowed()
    {
        var builder = TestAppBuilder.Create();
        App(builder).WithCapability("CHOWN").WithCapability("NET_BIND_SERVICE").WithDevice("/dev/dri/renderD128").WithDevice("/dev/net/tun")
            .WithBindMount("/etc/localtime", "/etc/localtime", isReadOnly: true).WithBindMount("/srv/media", "/data")
            .WithDockerSocket("reads container labels");
        builder.AddContainer("pinned", "ghcr.io/org/app_name", "v1.2.3-rc.1@sha256:" + string.Concat(Enumerable.Repeat("0123456789abcdef", 4)));
        builder.AddContainer("local", "localhost:5000/app", "1.0");

        Assert.Empty(builder.Problems());
    }

    [Fact]
    public void AParameterWithoutAValueIsCheckedOnceItHasOne()
    {
        var unset = TestAppBuilder.Create();
        App(unset).WithBindMount(ReferenceExpression.Create($"{unset.AddParameter("run-dir")}"), "/engine", isReadOnly: true);
        var set = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:run-dir"] = "/run/" });
        App(set).WithBindMount(ReferenceExpression.Create($"{set.AddParameter("run-dir")}"), "/engine", isReadOnly: true);

        Assert.Empty(unset.Problems());
        Assert.Equal([$"resource 'app': mounts /run/ (that is /run) at /engine, {SocketFolder}"], set.Problems());
    }
}
