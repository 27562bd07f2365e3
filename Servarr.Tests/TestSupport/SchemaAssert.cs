using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace Servarr.Tests.TestSupport;

/// <summary>Validates output against the reference schemas in ../shared/schemas with NJsonSchema.</summary>
internal static class SchemaAssert
{
    private static readonly Lazy<Task<JsonSchema>> s_manifest = new(() => LoadAsync("aspire-8.0.json"));
    private static readonly Lazy<Task<JsonSchema>> s_compose = new(() => LoadAsync("compose-spec.json"));

    /// <summary>
    /// Loads a reference schema. NJsonSchema cannot read boolean subschemas inside <c>properties</c>
    /// (<c>"build": false</c>) and does not enforce <c>const</c>, so those become their equivalents first
    /// (<c>{"not": {}}</c> / <c>{}</c>, and <c>"enum": [value]</c>).
    /// </summary>
    private static Task<JsonSchema> LoadAsync(string file)
    {
        var path = Path.Combine(RepositoryPaths.Shared, "schemas", file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        ReplaceBooleanSubschemas(root);
        return JsonSchema.FromJsonAsync(root.ToJsonString(), path);
    }

    private static void ReplaceBooleanSubschemas(JsonNode node)
    {
        if (node is JsonArray array)
        {
            array.Where(n => n is not null).ToList().ForEach(n => ReplaceBooleanSubschemas(n!));
            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["const"] is { } constant)
        {
            obj.Remove("const");
            obj["enum"] = new JsonArray(constant.DeepClone());
        }

        foreach (var (key, value) in obj.ToList())
        {
            if (key is "properties" or "patternProperties" or "definitions" && value is JsonObject map)
            {
                foreach (var (name, schema) in map.ToList())
                {
                    if (schema is JsonValue flag && flag.TryGetValue<bool>(out var allowed))
                    {
                        map[name] = allowed ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
                    }
                }
            }

            if (value is not null)
            {
                ReplaceBooleanSubschemas(value);
            }
        }
    }

    public static async Task ValidManifestAsync(string json) => Valid(await s_manifest.Value, json, "aspire-8.0.json");

    public static async Task ValidComposeAsync(string yaml) => Valid(await s_compose.Value, YamlToJson(yaml), "compose-spec.json");

    private static void Valid(JsonSchema schema, string json, string name)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"Not valid against {name}:\n" + string.Join("\n", errors.Select(e => $"  {e.Path}: {e.Kind} {e.Property}")));
    }

    /// <summary>YAML to JSON with YAML's own typing: plain scalars that read as numbers or booleans become them.</summary>
    public static string YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
