using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.Cloudflared;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Cloudflare;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>
/// The edge and operations are derived: an app declared with a config folder, a health path and a public hostname gets
/// its tunnel rule, DNS record, backup and monitors with no other line of the AppHost changed.
/// </summary>
public class AddingAnAppTests
{
    private static DistributedApplicationModel Stack(bool withBookstack)
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var edge = builder.AddNetwork("edge");
        var secret = builder.AddParameter("secret", "s", secret: true);
        builder.AddCloudflared("cloudflared", builder.AddParameter("domain", "example.com", publishValueAsDefault: true)).WithRemoteTunnel(secret).WithNetwork(edge);
        var kuma = builder.AddUptimeKuma("uptime-kuma", host).WithNetwork(edge);
        builder.AddAutoKuma("autokuma", host, kuma, builder.AddParameter("user", "admin", publishValueAsDefault: true), secret).WithNetwork(edge);
        builder.AddKopia("kopia", host, secret).WithFilesystemRepository("/srv/backups").WithConfigBackups();
        if (withBookstack)
        {
            // The only lines a user adds:
            builder.AddContainer("bookstack", "lscr.io/linuxserver/bookstack", "v25.07-ls1")
                .WithHttpEndpoint(targetPort: 80).WithHealthPath("/status")
                .WithConfigMount(host).WithPublicHostname("wiki").WithNetwork(edge);
        }

        return builder.BuildModel();
    }

    [Fact]
    public void TheNewAppGetsItsTunnelRuleDnsRecordBackupAndMonitors()
    {
        var before = Stack(withBookstack: false);
        var after = Stack(withBookstack: true);
        var kopia = after.Containers.Single(c => c.Name == "kopia");
        var bookstack = after.Containers.Single(c => c.Name == "bookstack");
        string MainTf(DistributedApplicationModel model) => CloudflarePublisher.Render(new PublishContext(model,
            new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), TestAppBuilder.Create().Values(), "/tmp", "/tmp/out"))
            .Single(f => f.Name == "main.tf").Content;

        Assert.Equal(new PublicRoute("wiki.example.com", "http://bookstack:80", "bookstack"), Assert.Single(CloudflaredIngress.Rules(after, "example.com")));
        Assert.Empty(CloudflaredIngress.Rules(before, "example.com"));
        Assert.DoesNotContain("cloudflare_dns_record\" \"wiki\"", MainTf(before));
        Assert.Contains("resource \"cloudflare_dns_record\" \"wiki\"", MainTf(after));
        var backup = Assert.Single(kopia.GetMounts(), m => m.Target == "/data/bookstack");
        Assert.True(backup.IsReadOnly);
        Assert.Contains("/data/bookstack", string.Join(' ', kopia.GetArgs(ServarrExecution.Publish).Select(a => a.Render(_ => ""))));
        var labels = bookstack.Annotations.OfType<ContainerLabelAnnotation>().ToDictionary(l => l.Key, l => l.Value.Render(_ => ""));
        Assert.Equal("http://bookstack:80/status", labels["kuma.bookstack-http.http.url"]);
        Assert.Equal("bookstack", labels["kuma.bookstack-container.docker.docker_container"]);
        Assert.Equal("60", labels["kuma.bookstack-http.http.interval"]);
    }
}
