using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>
/// Validates request bodies against an app's own OpenAPI 3.0 document with NJsonSchema.
/// The document's <c>components.schemas</c> become JSON Schema <c>definitions</c>, with these OpenAPI 3.0 rules applied:
/// <c>nullable: true</c> adds <c>null</c> to the type (and to an <c>enum</c>); every object schema with <c>properties</c>
/// gets <c>additionalProperties: false</c>, so undeclared properties are errors (the real apps silently ignore them —
/// the fake is stricter on purpose, to catch our typos).
/// </summary>
internal sealed class OpenApiBodyValidator
{
    private static readonly ConcurrentDictionary<ArrApp, Lazy<OpenApiBodyValidator>> s_cache = new();

    private readonly JsonObject _paths;
    private readonly JsonSchema _definitions;

    private OpenApiBodyValidator(JsonObject document)
    {
        _paths = document["paths"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject().DeepClone().AsObject();
        foreach (var (_, schema) in schemas)
        {
            ToJsonSchema(schema);
        }

        var root = new JsonObject { ["definitions"] = schemas };
        _definitions = JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
    }

    /// <summary>The validator for an app's document, loaded once per test run.</summary>
    public static OpenApiBodyValidator For(ArrApp app) =>
        s_cache.GetOrAdd(app, a => new Lazy<OpenApiBodyValidator>(() => Load(a))).Value;

    /// <summary>The OpenAPI document of an app, under <c>../shared/reference/apis</c>.</summary>
    public static string DocumentPath(ArrApp app) => Path.Combine(RepositoryPaths.Shared, "reference", "apis", app switch
    {
        ArrApp.Sonarr => "sonarr-v3.openapi.json",
        ArrApp.Radarr => "radarr-v3.openapi.json",
        _ => "prowlarr-v1.openapi.json",
    });

    private static OpenApiBodyValidator Load(ArrApp app) =>
        new(JsonNode.Parse(File.ReadAllText(DocumentPath(app)))!.AsObject());

    /// <summary>
    /// The name of the schema the document gives for the request body of <paramref name="method"/> on the path
    /// template <paramref name="template"/> (<c>/api/v3/downloadclient/{id}</c>); null when the document has none.
    /// </summary>
    public string? RequestSchemaName(string template, string method)
    {
        var reference = _paths[template]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];
        return reference?.GetValue<string>().Split('/')[^1];
    }

    /// <summary>Validates <paramref name="json"/> against the component schema <paramref name="schemaName"/>.</summary>
    public IReadOnlyList<ArrValidationFailure> Validate(string schemaName, string json)
    {
        if (!_definitions.Definitions.TryGetValue(schemaName, out var schema))
        {
            throw new InvalidOperationException($"schema {schemaName} is not in the document");
        }

        var failures = new List<ArrValidationFailure>();
        Flatten(schema.Validate(json), schemaName, failures);
        return failures;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, string schemaName, List<ArrValidationFailure> into)
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
                _ => $"'{path}': {error.Kind}",
            };
            into.Add(new ArrValidationFailure(path, message));
        }
    }

    /// <summary>Rewrites one OpenAPI 3.0 schema object, in place and recursively, into JSON Schema draft 4 terms.</summary>
    private static void ToJsonSchema(JsonNode? node)
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

        if (schema["properties"] is JsonObject)
        {
            schema["additionalProperties"] = false;
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
}
