using System.Text.Json.Nodes;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Manifest;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

public class ManifestPublisherTests
{
    [Fact]
    public async Task RepositoryManifestIsTheFreshlyPublishedDefaultStack()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("aspire-manifest.json");

        var result = await AppHostRunner.RunAsync(["--publisher", "manifest", "--output-path", target]);

        Assert.Equal(0, result.ExitCode);
        // Bind sources are written relative to the manifest; publishing beside the repository's copy keeps them equal.
        var fresh = await File.ReadAllTextAsync(target);
        Golden.AssertMatches(fresh, "aspire-manifest.json");
    }

    [Fact]
    public async Task DefaultStackManifestIsValidAgainstTheAspireSchemaAndUsesOnlyAspirateTypes()
    {
        var json = await PublishDefaultStackAsync();

        await SchemaAssert.ValidManifestAsync(json);
        var types = JsonNode.Parse(json)!["resources"]!.AsObject().Select(r => (string)r.Value!["type"]!).Distinct().Order();
        Assert.Equal(["container.v0", "parameter.v0"], types);
    }

    [Fact]
    public async Task BindingsWritePortOnlyWhenItDiffersAndExternalOnlyWhenTrue()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0")
            .WithHttpEndpoint(port: 8080, targetPort: 8080)
            .WithHttpEndpoint(port: 9090, targetPort: 80, name: "admin")
            .WithEndpoint(targetPort: 6881, scheme: "udp", name: "peers", protocol: EndpointProtocol.Udp)
            .WithExternalHttpEndpoints();

        var bindings = JsonNode.Parse(Publish(builder))!["resources"]!["app"]!["bindings"]!;

        Assert.Equal("""{"scheme":"http","protocol":"tcp","transport":"http","targetPort":8080,"external":true}""", bindings["http"]!.ToJsonString());
        Assert.Equal("""{"scheme":"http","protocol":"tcp","transport":"http","port":9090,"targetPort":80,"external":true}""", bindings["admin"]!.ToJsonString());
        Assert.Equal("""{"scheme":"udp","protocol":"udp","transport":"tcp","targetPort":6881}""", bindings["peers"]!.ToJsonString());
    }

    [Fact]
    public async Task ExpressionsUseManifestPlaceholdersAlsoForAppsBehindTheVpn()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var gluetun = builder.AddGluetun("gluetun", host, builder.AddParameter("p"), builder.AddParameter("k", secret: true), builder.AddParameter("a"));
        var sonarr = builder.AddSonarr("sonarr", host).WithVpn(gluetun);
        var plex = builder.AddPlex("plex", host, builder.AddParameter("claim", secret: true));
        // A container that reads references (the default injection); the media apps' integrations turn it off.
        builder.AddContainer("client", "docker.io/library/client", "1.0").WithReference(sonarr).WithReference(plex)
            .WithEnvironment("GREETING", $"tz is {host.TimeZone}");
        builder.AddSeerr("seerr", host).WithReference(sonarr).WithReference(plex);

        var resources = JsonNode.Parse(Publish(builder))!["resources"]!;
        var env = resources["client"]!["env"]!;
        Assert.Equal(["API_KEY", "LOG_LEVEL", "PORT", "TZ"], resources["seerr"]!["env"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        Assert.Equal("{sonarr.bindings.http.url}", (string)env["SONARR_HTTP"]!);
        Assert.Equal("{sonarr.bindings.http.url}", (string)env["services__sonarr__http__0"]!);
        Assert.Equal("{sonarr-api-key.value}", (string)env["SONARR_API_KEY"]!);
        Assert.Equal("{plex.bindings.http.url}", (string)env["PLEX_HTTP"]!);
        Assert.Equal("tz is {tz.value}", (string)env["GREETING"]!);
    }

    [Fact]
    public async Task SecretParametersHaveNoDefaultValueAndGeneratedOnesSayHow()
    {
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:vpn-key"] = "canary-3f9c" });
        var vpnKey = builder.AddParameter("vpn-key", secret: true);
        var apiKey = builder.AddGeneratedSecret("sonarr-api-key");
        builder.AddParameter("unused", defaultValue: "x"); // nothing refers to it: not declared
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithEnvironment("VPN_KEY", vpnKey).WithEnvironment("API_KEY", apiKey);

        var json = Publish(builder);
        var resources = JsonNode.Parse(json)!["resources"]!;

        Assert.DoesNotContain("canary-3f9c", json);
        Assert.Null(resources["unused"]);
        Assert.Equal("""{"type":"string","secret":true}""", resources["vpn-key"]!["inputs"]!["value"]!.ToJsonString());
        Assert.Equal("""{"minLength":32,"upper":false,"special":false}""", resources["sonarr-api-key"]!["inputs"]!["value"]!["default"]!["generate"]!.ToJsonString());
        await SchemaAssert.ValidManifestAsync(json);
    }

    [Fact]
    public void RelativeBindSourcesAreWrittenRelativeToTheManifest()
    {
        using var temp = new TempDirectory();
        var builder = TestAppBuilder.Create(appHostDirectory: temp.Combine("Servarr.AppHost"));
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithBindMount("data/app", "/data").WithBindMount("/var/run/docker.sock", "/var/run/docker.sock", true);
        var context = new PublishContext(builder.Build().Model, builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, temp.Combine("deploy"));

        var mounts = JsonNode.Parse(ManifestPublisher.Write(context, temp.Combine("deploy")))!["resources"]!["app"]!["bindMounts"]!;

        Assert.Equal("../Servarr.AppHost/data/app", (string)mounts[0]!["source"]!);
        Assert.Equal("/var/run/docker.sock", (string)mounts[1]!["source"]!);
    }

    [Theory]
    [InlineData("out/stack.json", "out/stack.json")]
    [InlineData("out", "out/aspire-manifest.json")]
    public void OutputPathNotEndingInJsonIsADirectory(string given, string expected) =>
        Assert.Equal(expected, ManifestPublisher.ResolveFilePath(given).Replace('\\', '/'));

    [Fact]
    public void ManifestPublishingCallbackReplacesTheDefaultEntry()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithManifestPublishingCallback(context =>
        {
            context.WriteDefault();
            context.Writer.WriteString("connectionString", "custom");
        });

        var app = JsonNode.Parse(Publish(builder))!["resources"]!["app"]!;

        Assert.Equal("custom", (string)app["connectionString"]!);
        Assert.Equal("container.v0", (string)app["type"]!);
    }

    internal static string Publish(IDistributedApplicationBuilder builder)
    {
        var context = new PublishContext(builder.Build().Model, builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, "/tmp/out");
        return System.Text.Encoding.UTF8.GetString(ManifestPublisher.Write(context, "/tmp/out"));
    }

    private static async Task<string> PublishDefaultStackAsync()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "manifest", "--output-path", temp.Path]);
        Assert.True(result.ExitCode == 0, result.Error);
        return await File.ReadAllTextAsync(temp.Combine("aspire-manifest.json"));
    }
}
