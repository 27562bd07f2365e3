using System.Text.Json.Nodes;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// aspire-manifest.json is Aspire's own manifest of the default stack: the committed copy is what Aspire publishes from
/// Program.cs today, valid against the manifest schema, with only the types aspirate reads and no secret value.
/// </summary>
public class AspireManifestTests
{
    [Fact]
    public async Task RepositoryManifestIsTheFreshlyPublishedDefaultStack()
    {
        var fresh = await PublishDefaultStackAsync();

        Golden.AssertMatches(fresh, "aspire-manifest.json");
    }

    [Fact]
    public async Task DefaultStackManifestIsValidAgainstTheAspireSchemaAndUsesOnlyAspirateTypes()
    {
        var json = await PublishDefaultStackAsync();

        await SchemaAssert.ValidManifestAsync(json);
        var resources = JsonNode.Parse(json)!["resources"]!.AsObject();
        Assert.Equal(["container.v0", "parameter.v0"], resources.Select(r => (string)r.Value!["type"]!).Distinct().Order());
        // Servarr's zones are not Aspire resources: they stay out of the manifest.
        Assert.DoesNotContain(resources, r => r.Key is "edge" or "internal" or "monitoring");
    }

    [Fact]
    public async Task SecretsAreMarkedAndNeverWritten()
    {
        var secret = "wg-private-" + Guid.NewGuid().ToString("N");
        var json = await PublishDefaultStackAsync(new Dictionary<string, string?> { ["Parameters:wireguard-private-key"] = secret });

        Assert.DoesNotContain(secret, json);
        var key = JsonNode.Parse(json)!["resources"]!["wireguard-private-key"]!;
        Assert.True((bool)key["inputs"]!["value"]!["secret"]!);
        Assert.Equal("{wireguard-private-key.value}", (string)JsonNode.Parse(json)!["resources"]!["gluetun"]!["env"]!["WIREGUARD_PRIVATE_KEY"]!);
    }

    private static async Task<string> PublishDefaultStackAsync(IDictionary<string, string?>? configuration = null)
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("aspire-manifest.json");
        var result = await AppHostRunner.RunAsync(["--publisher", "manifest", "--output-path", target], configuration);
        Assert.True(result.ExitCode == 0, result.Log);
        return await File.ReadAllTextAsync(target);
    }
}
