using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Validation;

/// <summary>Every bad input gets one line naming the resource and the fix; all problems are reported together.</summary>
public class ModelValidatorTests
{
    private static IResourceBuilder<ContainerResource> App(IDistributedApplicationBuilder builder, string name = "app") =>
        builder.AddContainer(name, "docker.io/library/app", "1.0");

    public static TheoryData<string, Action<IDistributedApplicationBuilder>, string> Cases => new()
    {
        {
            "invalid name", b => App(b, "Sonarr-4K"),
            "resource 'Sonarr-4K': invalid name 'Sonarr-4K'; use lowercase letters, digits and single hyphens, starting with a letter, at most 63 characters (e.g. 'sonarr-4k')"
        },
        {
            "too long", b => App(b, new string('a', 64)),
            $"resource '{new string('a', 64)}': invalid name '{new string('a', 64)}'; use lowercase letters, digits and single hyphens, starting with a letter, at most 63 characters (e.g. '{new string('a', 63)}')"
        },
        {
            "cycle", b => { var x = App(b, "x"); var y = App(b, "y"); x.WaitFor(y); y.WithReference(x); },
            "resource 'x': dependency cycle x -> y -> x; remove one WithReference/WaitFor so the stack has a start order"
        },
        {
            "reference outside the model", b => App(b).WithReference(b.CreateResourceBuilder(new ContainerResource("ghost")).WithHttpEndpoint(targetPort: 80).GetEndpoint("http")),
            "resource 'app': refers to 'ghost', which is not in the model; add it with builder.Add...(\"ghost\") or remove the reference"
        },
        {
            "unknown endpoint", b => { var s = App(b, "sonarr").WithHttpEndpoint(targetPort: 8989); App(b).WithReference(s.GetEndpoint("web")); },
            "resource 'app': refers to endpoint 'web' of 'sonarr', which has no such endpoint; use one of: http"
        },
        {
            "same host port twice", b => { App(b, "a").WithHttpEndpoint(port: 8080, targetPort: 80).WithHostPortAllowed("LAN"); App(b, "b").WithHttpEndpoint(port: 8080, targetPort: 8080).WithHostPortAllowed("LAN"); },
            "resource 'a': host port 8080/tcp is published by a.http and b.http; give each a different port: or drop it"
        },
        {
            "host port without a reason", b => App(b, "a").WithHttpEndpoint(port: 8080, targetPort: 80),
            "resource 'a': publishes host port 8080 (endpoint 'http') on every interface; the tunnel is the way in and run mode gives every endpoint a 127.0.0.1 port, so drop port: 8080, or add .WithHostPortAllowed(\"who connects there\")"
        },
        {
            "Docker socket without a reason", b => App(b, "a").WithBindMount("/var/run/docker.sock", "/var/run/docker.sock", isReadOnly: true),
            "resource 'a': mounts the Docker socket at /var/run/docker.sock, which is root on the host; remove the mount, or if the app must read the engine use .WithDockerSocket(\"what it reads\") (read-only)"
        },
        {
            "writable Docker socket", b => App(b, "a").WithBindMount("/run/docker.sock", "/var/run/docker.sock").WithAnnotation(new DockerSocketAccessAnnotation("reads labels")),
            "resource 'a': mounts the Docker socket at /var/run/docker.sock writable; pass isReadOnly: true, or use .WithDockerSocket(\"what it reads\")"
        },
        {
            "privileged capability", b => App(b, "a").WithCapability("SYS_ADMIN"),
            "resource 'a': adds capability SYS_ADMIN, which is as good as a privileged container; remove it (Servarr runs no privileged containers)"
        },
        {
            "same port in one VPN namespace", b =>
            {
                var vpn = b.AddGluetun("gluetun", b.AddHost(), b.AddParameter("p", "x", publishValueAsDefault: true), b.AddParameter("k", "x", secret: true), b.AddParameter("a", "x", publishValueAsDefault: true));
                App(b, "one").WithHttpEndpoint(targetPort: 8080).WithVpn(vpn);
                App(b, "two").WithHttpEndpoint(targetPort: 8080).WithVpn(vpn);
            },
            "resource 'two': listens on port 8080/tcp like one in the VPN namespace of 'gluetun'; apps sharing a namespace need distinct ports: move one app to another port (its own setting, e.g. WEBUI_PORT, and targetPort)"
        },
        {
            "WithVpn on something that is not a VPN", b => { var other = App(b, "other"); App(b).WithVpn(other); },
            "resource 'app': WithVpn('other'): 'other' is not a VPN gateway; pass the resource from builder.AddGluetun(...)"
        },
        {
            "WithVpn on an app that is itself behind a VPN", b =>
            {
                var vpn = AddGluetun(b, "outer");
                var inner = AddGluetun(b, "inner").WithVpn(vpn);
                App(b).WithVpn(inner);
            },
            "resource 'inner': listens on port 8000/tcp like outer in the VPN namespace of 'outer'; apps sharing a namespace need distinct ports: move one app to another port (its own setting, e.g. WEBUI_PORT, and targetPort)\n"
            + "resource 'app': WithVpn('inner'): 'inner' is itself behind the VPN 'outer'; use WithVpn(outer) directly"
        },
        {
            "VPN app with its own host port", b => App(b).WithHttpEndpoint(port: 8080, targetPort: 8080).WithVpn(AddGluetun(b, "gluetun")),
            "resource 'app': is behind the VPN 'gluetun' and cannot publish host port 8080 itself (endpoint 'http'); drop port: — other apps reach it at http://gluetun:8080"
        },
        {
            "VPN app with its own network", b => App(b).WithNetwork(b.AddNetwork("internal")).WithVpn(AddGluetun(b, "gluetun")),
            "resource 'app': is behind the VPN 'gluetun' and cannot join network 'internal'; remove WithNetwork — put 'gluetun' on that network instead"
        },
        {
            // Aspire's WithBindMount(string) roots a relative source (even "") in the AppHost folder; an empty source can
            // still come from Servarr's WithBindMount(ReferenceExpression).
            "empty bind source", b => App(b).WithBindMount(ServarrExpressions.Literal(""), "/config"),
            "resource 'app': bind mount at /config has an empty source; pass the host path to WithBindMount"
        },
        {
            "bind source from an empty parameter", b => App(b).WithBindMount(ReferenceExpression.Create($"{b.AddParameter("root", "", publishValueAsDefault: true)}/app"), "/config"),
            "resource 'app': bind mount at /config has an empty source because parameter 'root' is empty; set it to a host path (dotnet user-secrets set Parameters:root <path> --project Servarr.AppHost)"
        },
        {
            "read-only mount where the app writes", b => App(b).WithBindMount("/srv/app", "/config", isReadOnly: true).WithWritablePath("/config"),
            "resource 'app': mounts /config read-only, but the app writes there; drop isReadOnly: true for that mount"
        },
        {
            "two mounts at one target", b => App(b).WithBindMount("/a", "/data").WithVolume("app-data", "/data"),
            "resource 'app': mounts 2 sources at /data; keep one mount per target path"
        },
        {
            "endpoint without target port", b => App(b).WithHttpEndpoint(),
            "resource 'app': endpoint 'http' has no target port; pass targetPort: <the port the app listens on>"
        },
        {
            "public hostname on a missing endpoint", b => App(b).WithHttpEndpoint(targetPort: 80).WithPublicHostname("app", "admin"),
            "resource 'app': public hostname 'app' uses endpoint 'admin', which is not an HTTP endpoint it has; pass endpointName: one of its HTTP endpoints"
        },
        {
            "public hostname claimed twice", b =>
            {
                App(b).WithHttpEndpoint(targetPort: 80).WithPublicHostname("www");
                App(b, "other").WithHttpEndpoint(targetPort: 80).WithPublicHostname("www");
            },
            "resource 'other': public hostname 'www' is also claimed by 'app'; choose another subdomain"
        },
        {
            "health check on a missing endpoint", b => App(b).WithHttpEndpoint(targetPort: 80).WithTcpHealthCheck("admin"),
            "resource 'app': its health check uses endpoint 'admin', which it does not have; add WithHttpEndpoint(name: \"admin\") or check an endpoint it has"
        },
        {
            // Aspire's WithHttpEndpoint updates an endpoint of the same name; a second annotation can still be added directly.
            "duplicate endpoint name", b => App(b).WithHttpEndpoint(targetPort: 80)
                .WithAnnotation(new EndpointAnnotation(System.Net.Sockets.ProtocolType.Tcp, "http", name: "http", targetPort: 81), ResourceAnnotationMutationBehavior.Append),
            "resource 'app': endpoint name 'http' is used 2 times; pass a distinct name: to each endpoint"
        },
        {
            "endpoint name too long for Kubernetes", b => App(b).WithHttpEndpoint(targetPort: 80, name: "qbittorrent-webui"),
            "resource 'app': invalid endpoint name 'qbittorrent-webui'; use at most 15 lowercase letters, digits and hyphens (it becomes a Kubernetes port name)"
        },
        {
            "latest tag", b => b.AddContainer("app", "docker.io/library/app", "latest"),
            "resource 'app': image 'docker.io/library/app:latest' uses tag 'latest', which changes under you; pin a version with .WithImageTag(\"<version>\")"
        },
        {
            // Aspire gives an image without a tag the tag 'latest'.
            "missing tag", b => b.AddContainer("app", "docker.io/library/app"),
            "resource 'app': image 'docker.io/library/app:latest' uses tag 'latest', which changes under you; pin a version with .WithImageTag(\"<version>\")"
        },
        {
            "secret in an argument", b => App(b).WithArgs("--password", b.AddParameter("db-password", "x", secret: true)),
            "resource 'app': secret parameter 'db-password' is used in an argument, where anyone can read it (docker inspect, ps); pass it through WithEnvironment instead"
        },
        {
            "secret in a label", b => App(b).WithLabel("token", b.AddParameter("api-token", "x", secret: true)),
            "resource 'app': secret parameter 'api-token' is used in label 'token', where anyone can read it (docker inspect, ps); pass it through WithEnvironment instead"
        },
        {
            "invalid environment variable name", b => App(b).WithEnvironment("MY-VAR", "1"),
            "resource 'app': invalid environment variable name 'MY-VAR'; use letters, digits and '_' (e.g. 'MY_VAR')"
        },
        {
            "invalid volume name", b => App(b).WithVolume("App_Data", "/data"),
            "resource 'app': invalid volume name 'App_Data'; use lowercase letters, digits and single hyphens (e.g. 'app-data')"
        },
        {
            "waiting for completion of a service that always restarts", b => { var job = App(b, "job"); App(b).WaitForCompletion(job); },
            "resource 'app': waits for 'job' to complete, but its restart policy is 'always' so it never does; give 'job' .WithRestartPolicy(RestartPolicy.No)"
        },
        {
            "auto-update on an image pinned by digest", b => b.AddContainer("app", "docker.io/library/app", "1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").WithAutoUpdate(),
            "resource 'app': WithAutoUpdate() on image 'docker.io/library/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', which is pinned by digest so Watchtower can never update it; remove .WithAutoUpdate() or pin a tag without @sha256:"
        },
        {
            "refers to itself", b => { var a = App(b); a.WithReference(a); },
            "resource 'app': refers to or waits for itself; remove that WithReference/WaitFor"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputGetsOneClearLine(string @case, Action<IDistributedApplicationBuilder> declare, string expected)
    {
        var builder = TestAppBuilder.Create();
        declare(builder);

        var problems = builder.Problems();

        Assert.True(problems.SequenceEqual(expected.Split('\n')), $"{@case}: expected exactly\n  {expected}\nbut got\n  {string.Join("\n  ", problems)}");
    }

    /// <summary>Names and waits Aspire itself refuses when they are declared, before Servarr's validator runs.</summary>
    public static TheoryData<string, Action<IDistributedApplicationBuilder>, string> RefusedByAspire => new()
    {
        { "double hyphen", b => App(b, "my--app"), "Resource name 'my--app' is invalid. Name cannot contain consecutive hyphens." },
        { "underscore", b => App(b, "Sonarr_4K"), "Resource name 'Sonarr_4K' is invalid." },
        { "duplicate name", b => { App(b, "sonarr"); App(b, "sonarr"); }, "with name 'sonarr' because resource of type" },
        { "waits for itself", b => { var a = App(b); a.WaitFor(a); }, "The 'app' resource cannot wait for itself." },
    };

    [Theory]
    [MemberData(nameof(RefusedByAspire))]
    public void AspireRefusesSomeBadInputWhenItIsDeclared(string @case, Action<IDistributedApplicationBuilder> declare, string expected)
    {
        var builder = TestAppBuilder.Create();

        var refused = Assert.ThrowsAny<Exception>(() => declare(builder));

        Assert.True(refused.Message.Contains(expected, StringComparison.Ordinal), $"{@case}: {refused.Message}");
    }

    [Fact]
    public void AutoUpdateOnATagPinnedImageIsFine()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithAutoUpdate();
        builder.AddContainer("pinned", "docker.io/library/app", "1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

        Assert.Empty(builder.Problems());
    }

    [Fact]
    public void RequiredParameterWithoutValueInRunModeIsNoProblemWhatUsesItWaits()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        App(builder).WithEnvironment("KEY", builder.AddParameter("wireguard-private-key", secret: true));

        Assert.Empty(builder.Problems()); // Aspire waits for the value (and asks for it) before it starts what uses it
    }

    [Fact]
    public void RequiredParameterMayBeMissingWhenPublishing()
    {
        var builder = TestAppBuilder.Create();
        App(builder).WithEnvironment("KEY", builder.AddParameter("wireguard-private-key", secret: true));

        Assert.Empty(builder.Problems());
    }

    [Fact]
    public void MissingMediaPathIsReportedInRunModeOnly()
    {
        var run = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        App(run).WithMediaMount(run.AddHost(), "/data");
        var publish = TestAppBuilder.Create();
        App(publish).WithMediaMount(publish.AddHost(), "/data");

        Assert.Equal(
            ["resource 'app': media path /srv/media (mounted at /data) does not exist; create it (mkdir -p /srv/media), or point parameter 'media-root' at your library"],
            run.Problems(directoryExists: _ => false));
        Assert.Empty(publish.Problems(directoryExists: _ => false));
    }

    [Fact]
    public void AllProblemsAreReportedTogether()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("BadName", "docker.io/library/app", "latest").WithHttpEndpoint();

        var problems = builder.Problems();

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("resource 'BadName': ", p));
    }

    [Fact]
    public async Task TheDefaultStackIsValidForPublishing()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var context = new Servarr.Hosting.Validation.ValidationContext(app.Model, app.Builder.ExecutionContext, app.Values, "compose");

        Assert.Empty(Servarr.Hosting.Validation.ModelValidator.Validate(context));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDistributedApplicationBuilder, HostSettings> s_hosts = new();

    private static IResourceBuilder<GluetunResource> AddGluetun(IDistributedApplicationBuilder b, string name) =>
        b.AddGluetun(name, s_hosts.GetValue(b, TestAppBuilder.AddHost), b.AddParameter($"{name}-provider", "x", publishValueAsDefault: true),
            b.AddParameter($"{name}-key", "x", secret: true), b.AddParameter($"{name}-addresses", "x", publishValueAsDefault: true));
}
