using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.RepresentationModel;

namespace Servarr.Tests.TestSupport;

/// <summary>One way a request body breaks its OpenAPI schema: where, and what.</summary>
internal sealed record OpenApiBodyFailure(string Path, string Message);

/// <summary>
/// How strictly a document's request schemas are read beyond JSON Schema: <paramref name="ReadOnly"/> applies OpenAPI 3.0's
/// <c>readOnly</c> to requests (the property is not required, and sending it is an error, as express-openapi-validator
/// does); <paramref name="ExtraProperties"/> adds properties the app's source accepts but its document leaves out
/// (schema name → property name → JSON Schema), so the strict "no undeclared property" rule does not refuse them.
/// </summary>
internal sealed record OpenApiRequestRules(bool ReadOnly = false, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? ExtraProperties = null);

/// <summary>
/// Validates request bodies against an app's own OpenAPI 3.0 document with NJsonSchema.
/// The document's <c>components.schemas</c> become JSON Schema <c>definitions</c>, with these OpenAPI 3.0 rules applied:
/// <c>nullable: true</c> adds <c>null</c> to the type (and to an <c>enum</c>); every object schema with <c>properties</c>
/// gets <c>additionalProperties: false</c>, so undeclared properties are errors (the real apps silently ignore them —
/// the fake is stricter on purpose, to catch our typos).
/// A request body given inline (not as a <c>$ref</c>) becomes a definition named <c>"METHOD /path"</c>. Documents are
/// JSON or YAML (<c>.yml</c>), loaded from <c>../shared/reference/apis</c> once per test run.
/// </summary>
internal sealed class OpenApiBodyValidator
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiBodyValidator>> s_cache = new();

    private readonly JsonObject _paths;
    private readonly JsonSchema _definitions;
    private readonly OpenApiRequestRules _rules;

    private OpenApiBodyValidator(JsonObject document, OpenApiRequestRules rules)
    {
        _rules = rules;
        _paths = document["paths"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject().DeepClone().AsObject();
        foreach (var (template, operations) in _paths)
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject inline && inline["$ref"] is null)
                {
                    schemas[$"{method.ToUpperInvariant()} {template}"] = inline.DeepClone();
                }
            }
        }

        foreach (var (name, properties) in rules.ExtraProperties ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            foreach (var (property, schema) in properties)
            {
                schemas[name]!["properties"]![property] = JsonNode.Parse(schema);
            }
        }

        foreach (var (_, schema) in schemas)
        {
            ToJsonSchema(schema);
        }

        var root = new JsonObject { ["definitions"] = schemas };
        _definitions = JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
    }

    /// <summary>The validator for the document <paramref name="fileName"/> (e.g. <c>seerr-api.yml</c>) read with <paramref name="rules"/>, loaded once per test run.</summary>
    public static OpenApiBodyValidator For(string fileName, OpenApiRequestRules? rules = null) =>
        s_cache.GetOrAdd(fileName, f => new Lazy<OpenApiBodyValidator>(() => Load(f, rules ?? new OpenApiRequestRules()))).Value;

    /// <summary>The path of an API document under <c>../shared/reference/apis</c>.</summary>
    public static string DocumentPath(string fileName) => Path.Combine(RepositoryPaths.Shared, "reference", "apis", fileName);

    private static OpenApiBodyValidator Load(string fileName, OpenApiRequestRules rules)
    {
        var text = File.ReadAllText(DocumentPath(fileName));
        var document = fileName.EndsWith(".yml", StringComparison.Ordinal) || fileName.EndsWith(".yaml", StringComparison.Ordinal) ? FromYaml(text) : JsonNode.Parse(text);
        return new(document!.AsObject(), rules);
    }

    /// <summary>
    /// The name of the schema the document gives for the request body of <paramref name="method"/> on the path
    /// template <paramref name="template"/> (<c>/api/v3/downloadclient/{id}</c>): its <c>$ref</c>'s name, or
    /// <c>"METHOD template"</c> for an inline schema; null when the document has none.
    /// </summary>
    public string? RequestSchemaName(string template, string method)
    {
        var schema = _paths[template]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"];
        return schema is null ? null : schema["$ref"]?.GetValue<string>().Split('/')[^1] ?? $"{method.ToUpperInvariant()} {template}";
    }

    /// <summary>Validates <paramref name="json"/> against the component schema <paramref name="schemaName"/>.</summary>
    public IReadOnlyList<OpenApiBodyFailure> Validate(string schemaName, string json)
    {
        if (!_definitions.Definitions.TryGetValue(schemaName, out var schema))
        {
            throw new InvalidOperationException($"schema {schemaName} is not in the document");
        }

        var failures = new List<OpenApiBodyFailure>();
        Flatten(schema.Validate(json), schemaName, failures);
        return failures;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, string schemaName, List<OpenApiBodyFailure> into)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                Flatten(child.Errors.SelectMany(e => e.Value), schemaName, into);
                continue;
            }

            if (error is MultiTypeValidationError multi && multi.Errors.Count > 0)
            {
                // A nullable property (type [T, null]): the errors against T are the ones that matter.
                Flatten(multi.Errors.Where(e => e.Key != JsonObjectType.Null).SelectMany(e => e.Value), schemaName, into);
                continue;
            }

            var path = error.Path is { Length: > 2 } p && p.StartsWith("#/", StringComparison.Ordinal) ? p[2..] : error.Property ?? "";
            var message = error.Kind switch
            {
                ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                    $"'{error.Property}' is not a property of {schemaName} (or of the schema it is nested in)",
                ValidationErrorKind.NotInEnumeration => $"'{path}' is not one of the values the document allows",
                ValidationErrorKind.ExcludedSchemaValidates => $"'{path}' is read-only: a request must not send it",
                _ => $"'{path}': {error.Kind}",
            };
            into.Add(new OpenApiBodyFailure(path, message));
        }
    }

    /// <summary>Rewrites one OpenAPI 3.0 schema object, in place and recursively, into JSON Schema draft 4 terms.</summary>
    private void ToJsonSchema(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                ToJsonSchema(item);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            schema["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        }

        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            schema.Remove("nullable");
            if (schema["type"] is JsonValue type)
            {
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            }

            if (schema["enum"] is JsonArray values)
            {
                values.Add(null);
            }
        }

        if (schema["properties"] is JsonObject declared)
        {
            schema["additionalProperties"] = false;
            if (_rules.ReadOnly)
            {
                var readOnly = declared.Where(p => p.Value?["readOnly"] is JsonValue r && r.GetValue<bool>()).Select(p => p.Key).ToList();
                foreach (var name in readOnly)
                {
                    declared[name] = new JsonObject { ["not"] = new JsonObject() }; // any value is an error
                }

                if (schema["required"] is JsonArray required)
                {
                    schema["required"] = new JsonArray([.. required.Select(r => r!.GetValue<string>()).Where(r => !readOnly.Contains(r)).Select(r => (JsonNode)r)]);
                }
            }
        }

        foreach (var key in new[] { "properties", "items", "allOf", "anyOf", "oneOf", "not" })
        {
            if (schema[key] is JsonObject properties && key == "properties")
            {
                foreach (var (_, property) in properties)
                {
                    ToJsonSchema(property);
                }
            }
            else
            {
                ToJsonSchema(schema[key]);
            }
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            ToJsonSchema(additional);
        }
    }

    /// <summary>A YAML document as JSON: plain scalars that read as booleans, numbers or null become those, quoted ones stay text.</summary>
    private static JsonNode? FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };
}
