using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

public class WithReferenceTests
{
    [Fact]
    public void ReferenceInjectsServiceDiscoveryUrlAndApiKeyVariables()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var sonarr = builder.AddSonarr("sonarr", host);
        var client = builder.AddContainer("client", "docker.io/library/client", "1.0").WithReference(sonarr);

        var env = Evaluate(builder, client.Resource);

        Assert.Equal("{sonarr.bindings.http.url}", env["services__sonarr__http__0"]);
        Assert.Equal("{sonarr.bindings.http.url}", env["SONARR_HTTP"]);
        Assert.Equal("{sonarr-api-key.value}", env["SONARR_API_KEY"]);
        Assert.Contains(client.Resource.Annotations.OfType<ResourceReferenceAnnotation>(), r => r.Target == sonarr.Resource);
    }

    [Fact]
    public void TheInjectionFlagsChooseWhatAReferenceWritesAndTheReferenceStays()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var sonarr = builder.AddSonarr("sonarr", host);
        var seerr = builder.AddSeerr("seerr", host).WithReference(sonarr); // the integration chose None: Seerr reads none of it
        var endpoints = builder.AddContainer("endpoints", "docker.io/library/client", "1.0").WithReference(sonarr)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.Endpoints);
        var keyOnly = builder.AddContainer("key-only", "docker.io/library/client", "1.0").WithReference(sonarr)
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionProperties);

        Assert.DoesNotContain(Evaluate(builder, seerr.Resource).Keys, k => k.StartsWith("SONARR", StringComparison.Ordinal) || k.StartsWith("services__", StringComparison.Ordinal));
        Assert.Contains(seerr.Resource.Annotations.OfType<ResourceReferenceAnnotation>(), r => r.Target == sonarr.Resource);
        Assert.Equal(["SONARR_HTTP"], Evaluate(builder, endpoints.Resource).Keys);
        Assert.Equal(["SONARR_API_KEY"], Evaluate(builder, keyOnly.Resource).Keys);
    }

    [Fact]
    public void ReferenceToAnAppWithoutApiKeyInjectsNoKey()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var kuma = builder.AddUptimeKuma("uptime-kuma", host);
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WithReference(kuma);

        var env = Evaluate(builder, app.Resource);

        Assert.Equal(["services__uptime-kuma__http__0", "UPTIME_KUMA_HTTP"], env.Keys);
    }

    [Fact]
    public void ReferenceToOneEndpointInjectsOnlyThatEndpoint()
    {
        var builder = TestAppBuilder.Create();
        var qbittorrent = builder.AddQBittorrent("qbittorrent", builder.AddHost());
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WithReference(qbittorrent.GetEndpoint("torrent"));

        var env = Evaluate(builder, app.Resource);

        // Aspire's own WithReference(endpoint) now: it writes the <NAME>_<ENDPOINT> variable first.
        Assert.Equal(["QBITTORRENT_TORRENT", "services__qbittorrent__torrent__0"], env.Keys);
        Assert.Equal("{qbittorrent.bindings.torrent.url}", env["QBITTORRENT_TORRENT"]);
    }

    [Fact]
    public void WithVpnSharesTheGatewayNamespaceAndWaitsForItToBeHealthy()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("p"), builder.AddParameter("k", secret: true), builder.AddParameter("a"));
        var qbittorrent = builder.AddQBittorrent("qbittorrent", host).WithVpn(gluetun);

        Assert.Same(gluetun.Resource, qbittorrent.Resource.GetVpnGateway());
        Assert.Equal("gluetun", qbittorrent.Resource.GetNetworkHost());
        Assert.Contains(qbittorrent.Resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource == gluetun.Resource && w.WaitType == WaitType.WaitUntilHealthy);
    }

    [Fact]
    public void LaterEnvironmentValueReplacesEarlierOneInPlaceAndCallbacksSeeTheMode()
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0")
            .WithEnvironment("A", "1")
            .WithEnvironment("B", "2")
            .WithEnvironment(context => context.EnvironmentVariables["MODE"] = context.ExecutionContext.IsPublishMode ? "publish" : "run")
            .WithEnvironment("A", "3");

        var env = Evaluate(builder, app.Resource);

        Assert.Equal(["A", "B", "MODE"], env.Keys);
        Assert.Equal("3", env["A"]);
        Assert.Equal("publish", env["MODE"]);
    }

    [Fact]
    public void ValueCallbacksRunWhenTheEnvironmentIsEvaluatedNotWhenDeclared()
    {
        var builder = TestAppBuilder.Create();
        var calls = 0;
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0").WithEnvironment("COUNT", () => (++calls).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, calls);
        Assert.Equal("1", Evaluate(builder, app.Resource)["COUNT"]);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void InterpolatedValuesKeepParametersAndEndpointsAsHoles()
    {
        var builder = TestAppBuilder.Create();
        var domain = builder.AddParameter("domain");
        var plex = builder.AddPlex("plex", builder.AddHost(), builder.AddParameter("claim", secret: true));
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0")
            .WithEnvironment("URL", $"https://plex.{domain}:443")
            .WithEnvironment("PLEX_PORT", $"{plex.GetEndpoint("http").Property(EndpointProperty.Port)}");

        var env = Evaluate(builder, app.Resource);

        Assert.Equal("https://plex.{domain.value}:443", env["URL"]);
        Assert.Equal("{plex.bindings.http.port}", env["PLEX_PORT"]);
    }

    private static Dictionary<string, string> Evaluate(IDistributedApplicationBuilder builder, IResource resource) =>
        EnvironmentEvaluator.Evaluate(resource, builder.ExecutionContext)
            .ToDictionary(e => e.Key, e => e.Value.Render(v => v switch
            {
                ParameterResource p => $"{{{p.Name}.value}}",
                EndpointReferenceExpression e2 => $"{{{e2.Endpoint.Resource.Name}.bindings.{e2.Endpoint.EndpointName}.{char.ToLowerInvariant(e2.Property.ToString()[0])}{e2.Property.ToString()[1..]}}}",
                _ => "?",
            }));
}
