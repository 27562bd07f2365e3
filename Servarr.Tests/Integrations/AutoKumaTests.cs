using System.Text;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>AutoKuma's labels are derived from the model: every container and every health path gets its monitor.</summary>
public class AutoKumaTests
{
    private static Task<DistributedApplicationModel> WithPushbulletAsync() =>
        AppHostRunner.BuildDefaultStackAsync(new Dictionary<string, string?> { ["Parameters:pushbullet-access-token"] = "o.token" });

    private static Dictionary<string, string> Labels(IResource resource) =>
        resource.Annotations.OfType<ContainerLabelAnnotation>().GroupBy(l => l.Key)
            .ToDictionary(g => g.Key, g => g.Last().Value.Render(r => throw new InvalidOperationException($"label {g.Key} refers to {r}")));

    [Fact]
    public async Task EveryContainerAndEveryHealthPathOfTheDefaultStackHasItsMonitor()
    {
        var model = await WithPushbulletAsync();
        var containers = model.Containers.ToList();
        Assert.Contains(containers, c => c is AutoKumaResource);

        foreach (var container in containers)
        {
            var labels = Labels(container);
            var docker = $"kuma.{container.Name}-container.docker";
            Assert.Equal(container.Name, labels[$"{docker}.docker_container"]);
            Assert.Equal(AutoKumaResource.DockerHostId, labels[$"{docker}.docker_host_name"]);
            AssertPolicy(labels, docker);

            var checks = container.Annotations.OfType<HttpHealthCheckAnnotation>().ToList();
            foreach (var check in checks)
            {
                var http = $"kuma.{container.Name}-{check.EndpointName}.http";
                var endpoint = new EndpointReference((IResourceWithEndpoints)container, check.EndpointName);
                Assert.Equal(InNetworkAddress.Render(endpoint.Property(EndpointProperty.Url)) + check.Path, labels[$"{http}.url"]);
                AssertPolicy(labels, http);
            }

            Assert.Equal(checks.Count, labels.Keys.Count(k => k.EndsWith(".http.url", StringComparison.Ordinal)));
        }

        // Spot checks of the rendering: VPN apps are reached through gluetun, the others by name.
        Assert.Equal("http://gluetun:8989/ping", Labels(containers.Single(c => c.Name == "sonarr"))["kuma.sonarr-http.http.url"]);
        Assert.Equal("http://plex:32400/identity", Labels(containers.Single(c => c.Name == "plex"))["kuma.plex-http.http.url"]);
        Assert.True(containers.Sum(c => c.Annotations.OfType<HttpHealthCheckAnnotation>().Count()) >= 10);
    }

    private static void AssertPolicy(Dictionary<string, string> labels, string monitor)
    {
        Assert.Equal("60", labels[$"{monitor}.interval"]);
        Assert.Equal("2", labels[$"{monitor}.max_retries"]);
        // AutoKuma's setting is notification_name_list; it drops unknown keys silently (so notification_names did nothing).
        Assert.Equal("[\"pushbullet\"]", labels[$"{monitor}.notification_name_list"]);
        Assert.DoesNotContain(labels.Keys, k => k.EndsWith(".notification_names", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAPushbulletTokenNoNotificationIsCreatedOrAttached()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync(); // appsettings.json leaves pushbullet-access-token empty

        var labels = model.Containers.SelectMany(c => Labels(c)).ToList();

        Assert.Contains(labels, l => l.Key.EndsWith(".http.url", StringComparison.Ordinal)); // the monitors are there
        Assert.DoesNotContain(labels, l => l.Key.Contains("notification", StringComparison.Ordinal));
        var autoKuma = model.Containers.OfType<AutoKumaResource>().Single();
        Assert.Contains(autoKuma.Annotations.OfType<OptionalFeatureAnnotation>(), f => f.Feature == "Pushbullet alerts"); // still reported off
    }

    [Fact]
    public async Task TheDefaultStacksLabelsMatchTheReviewedFile()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var text = new StringBuilder("# AutoKuma labels of the default stack, per container (regenerate with SERVARR_UPDATE_GOLDEN=1).\n");
        foreach (var container in model.Containers)
        {
            text.Append('\n').Append(container.Name).Append(":\n");
            foreach (var (key, value) in Labels(container).Where(l => l.Key.StartsWith("kuma.", StringComparison.Ordinal)).OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                text.Append("  ").Append(key).Append(" = ").Append(value).Append('\n');
            }
        }

        Golden.AssertMatches(text.ToString(), "Servarr.Tests/Integrations/Expected/default-stack.autokuma-labels.txt");
    }

    [Fact]
    public async Task AutoKumaReachesUptimeKumaInsideTheNetworkWithSecretCredentialsAndAReadOnlySocket()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var autoKuma = model.Containers.OfType<AutoKumaResource>().Single();
        var kuma = model.Containers.Single(c => c.Name == "uptime-kuma");
        var env = EnvironmentEvaluator.Evaluate(autoKuma, ServarrExecution.Publish).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal("ghcr.io/bigboot/autokuma:2.0.0", autoKuma.GetImage()!.Reference);
        Assert.Same(kuma, autoKuma.UptimeKuma);
        Assert.Equal("http://uptime-kuma:3001", env["AUTOKUMA__KUMA__URL"].Render(r => InNetworkAddress.Render((EndpointReferenceExpression)r)));
        Assert.True(Assert.IsType<ParameterResource>(Assert.Single(env["AUTOKUMA__KUMA__PASSWORD"].References)).Secret);
        Assert.Equal("uptime-kuma-username", Assert.IsType<ParameterResource>(Assert.Single(env["AUTOKUMA__KUMA__USERNAME"].References)).Name);
        Assert.True(Assert.IsType<ParameterResource>(Assert.Single(env["AUTOKUMA__ENV__PUSHBULLET_ACCESS_TOKEN"].References)).Secret);
        Assert.Equal("unix:///var/run/docker.sock", env["AUTOKUMA__DOCKER__HOSTS"].Render(_ => ""));
        Assert.Contains(autoKuma.Annotations.OfType<WaitAnnotation>(), w => w.Resource == kuma);
        foreach (var container in new ContainerResource[] { autoKuma, kuma })
        {
            var socket = container.GetMounts().Single(m => m.Target == "/var/run/docker.sock");
            Assert.True(socket.IsReadOnly, container.Name);
        }

        Assert.Contains(autoKuma.GetMounts(), m => m.Target == "/data" && m.Type == ContainerMountType.Volume);
    }

    [Fact]
    public async Task ThePushbulletTokenIsReadFromAutoKumasEnvironmentNotWrittenInALabel()
    {
        var model = await WithPushbulletAsync();
        var autoKuma = model.Containers.OfType<AutoKumaResource>().Single();
        var labels = Labels(autoKuma);

        Assert.Equal("Pushbullet", labels["kuma.pushbullet.notification.name"]);
        Assert.Equal("true", labels["kuma.pushbullet.notification.active"]);
        Assert.Equal("{\"type\":\"pushbullet\",\"pushbulletAccessToken\":\"{{ get_env(name='AUTOKUMA__ENV__PUSHBULLET_ACCESS_TOKEN') }}\"}",
            labels["kuma.pushbullet.notification.config"]);
        Assert.All(model.Containers.SelectMany(c => c.Annotations.OfType<ContainerLabelAnnotation>()), l => Assert.True(l.Value.IsLiteral, l.Key));
    }

    [Fact]
    public async Task TheStatusPageGroupHoldsExactlyTheAppsWithAPublicHostname()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();
        var autoKuma = model.Containers.OfType<AutoKumaResource>().Single();
        var own = Labels(autoKuma);
        var publicApps = model.Containers.Where(c => c.Annotations.OfType<PublicHostnameAnnotation>().Any()).Select(c => c.Name).Order().ToList();

        var grouped = model.Containers.Where(c => Labels(c).Any(l => l.Key.EndsWith(".parent_name", StringComparison.Ordinal) && l.Value == AutoKumaResource.PublicGroupId))
            .Select(c => c.Name).Order().ToList();

        Assert.Equal(publicApps, grouped);
        Assert.Contains("plex", grouped);
        Assert.Contains("seerr", grouped);
        Assert.Contains("wizarr", grouped);
        Assert.Equal("Public apps", own["kuma.servarr-public.group.name"]);
        Assert.Equal("servarr", own["kuma.servarr-status-page.status_page.slug"]);
        Assert.Equal("Servarr", own["kuma.servarr-status-page.status_page.title"]);
        Assert.Equal("true", own["kuma.servarr-status-page.status_page.published"]);
        Assert.Equal("socket", own["kuma.servarr-docker.docker_host.connection_type"]);
        Assert.Equal("/var/run/docker.sock", own["kuma.servarr-docker.docker_host.path"]);
    }

    [Fact]
    public void AnAppDeclaredAfterAutoKumaGetsItsMonitorsAndAnOptedOutOneNone()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var kuma = builder.AddUptimeKuma("uptime-kuma", host);
        builder.AddAutoKuma("autokuma", host, kuma, builder.AddParameter("user", "admin", publishValueAsDefault: true), builder.AddParameter("pw", "x", secret: true))
            .WithMonitorPolicy(TimeSpan.FromMinutes(5), 4);
        var late = builder.AddContainer("late", "docker.io/library/late", "1.0").WithHttpEndpoint(targetPort: 8123).WithHealthPath("/healthz");
        var quiet = builder.AddContainer("quiet", "docker.io/library/quiet", "1.0").WithHttpEndpoint(targetPort: 80).WithHealthPath().WithoutMonitoring("test");

        builder.BuildModel();

        var labels = Labels(late.Resource);
        Assert.Equal("http://late:8123/healthz", labels["kuma.late-http.http.url"]);
        Assert.Equal("late", labels["kuma.late-container.docker.docker_container"]);
        Assert.Equal("300", labels["kuma.late-http.http.interval"]);
        Assert.Equal("4", labels["kuma.late-container.docker.max_retries"]);
        Assert.DoesNotContain(labels.Keys, k => k.Contains("notification", StringComparison.Ordinal));
        Assert.DoesNotContain(Labels(quiet.Resource).Keys, k => k.StartsWith("kuma.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishedComposeCarriesTheTemplateButNeverTheToken()
    {
        using var temp = new TempDirectory();
        var secrets = new Dictionary<string, string?>
        {
            ["Parameters:pushbullet-access-token"] = "canary-pushbullet-7f3a",
            ["Parameters:uptime-kuma-password"] = "canary-kuma-7f3a",
        };

        var result = await AppHostRunner.PublishAsync("publish-compose", temp.Path, secrets);

        Assert.True(result.ExitCode == 0, result.Log);
        var compose = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        Assert.Contains("get_env(name='AUTOKUMA__ENV__PUSHBULLET_ACCESS_TOKEN')", compose);
        Assert.Contains("notification_name_list: '[\"pushbullet\"]'", compose);
        Assert.Contains("AUTOKUMA__ENV__PUSHBULLET_ACCESS_TOKEN", compose);
        foreach (var file in Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("canary-", await File.ReadAllTextAsync(file));
        }

        Assert.DoesNotContain("canary-", result.Log);
    }
}
