using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting;
using Servarr.Hosting.Integrations.Cloudflared;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>The tunnel's ingress rules come from the model's public hostnames: model order, in-network origins, catch-all last.</summary>
public class CloudflaredIngressTests
{
    [Fact]
    public async Task TheDefaultStackPublishesPlexSeerrWizarrAndTheStatusPageInModelOrder()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();

        var config = CloudflaredIngress.RenderConfig(CloudflaredIngress.Rules(model, "example.com"), "6ff42ae2-765d-4adf-8112-31c55c1551ef");

        Assert.Equal($$"""
            # Written by Servarr from the model's public hostnames (WithPublicHostname); change the model, not this file.
            tunnel: 6ff42ae2-765d-4adf-8112-31c55c1551ef
            credentials-file: /etc/cloudflared/credentials.json
            ingress:
              - hostname: plex.example.com
                service: http://plex:32400
              - hostname: seerr.example.com
                service: http://seerr:5055
              - hostname: wizarr.example.com
                service: http://wizarr:5690
              - hostname: status.example.com
                path: '{{UptimeKumaStatusPages.PublicPaths}}'
                service: http://uptime-kuma:3001
              - service: http_status:404

            """.ReplaceLineEndings("\n"), config);
        // The YAML reads back as the very pattern (single-quoted: no escapes).
        var ingress = (System.Collections.IList)((System.Collections.IDictionary)new YamlDotNet.Serialization.Deserializer().Deserialize<object>(config)!)["ingress"]!;
        Assert.Equal(UptimeKumaStatusPages.PublicPaths, ((System.Collections.IDictionary)ingress[3]!)["path"]);
    }

    [Fact]
    public void AnAppBehindTheVpnIsReachedThroughItsGateway()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var p = builder.AddParameter("p", "x", publishValueAsDefault: true);
        var vpn = builder.AddGluetun("gluetun", host, p, p, p);
        builder.AddSonarr("sonarr", host).WithVpn(vpn).WithPublicHostname("tv");

        var rule = Assert.Single(CloudflaredIngress.Rules(builder.BuildModel(), "home.example.org."));

        Assert.Equal(new PublicRoute("tv.home.example.org", "http://gluetun:8989", "sonarr"), rule);
    }

    [Theory]
    [InlineData("Plex", "plex")]
    [InlineData("plex.tv", "plex-tv")]
    [InlineData("-plex", "plex")]
    public void ASubdomainIsOneDnsLabel(string subdomain, string suggested)
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 80);

        app.WithPublicHostname(subdomain); // recorded, not thrown: reported with every other problem

        Assert.Contains($"resource 'app': .WithPublicHostname(\"{subdomain}\"): '{subdomain}' is not one DNS label; use lowercase letters, digits and inner hyphens, at most 63 characters, e.g. \"{suggested}\" (it becomes <subdomain>.<domain>)",
            builder.Problems());
        Assert.Empty(app.Resource.Annotations.OfType<PublicHostnameAnnotation>());
    }
}
