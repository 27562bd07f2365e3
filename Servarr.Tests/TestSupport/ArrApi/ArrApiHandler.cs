using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>
/// The request handling of a <see cref="FakeArrApi"/> (prefix <c>/api/v3</c> for Sonarr/Radarr, <c>/api/v1</c> for Prowlarr):
/// <list type="bullet">
/// <item><c>GET /ping</c> (anonymous) → 200 <c>{"status":"OK"}</c>; everything under the prefix needs the key in
/// <c>X-Api-Key</c> or <c>?apikey=</c>, else 401 (OpenAPI <c>components.securitySchemes</c>).</item>
/// <item><c>GET prefix/system/status</c>; Sonarr/Radarr: <c>GET prefix/qualityprofile</c> (seeded).</item>
/// <item><c>GET/POST prefix/{collection}</c>, <c>GET/PUT/DELETE prefix/{collection}/{id}</c> (root folders: no PUT → 405).</item>
/// </list>
/// Status codes are those of the apps' controllers, not the OpenAPI documents (which say 200 for every success):
/// POST → 201 Created with Location, PUT → 202 Accepted, both with the stored resource — Sonarr
/// <c>src/Sonarr.Http/REST/RestController.cs</c> (<c>Created</c> = <c>CreatedAtAction</c>, <c>Accepted</c> = <c>AcceptedAtAction</c>);
/// DELETE → 200 with no body; unknown id → 404 (<c>GetResourceByIdWithErrorHandler</c>: <c>ModelNotFoundException</c> → NotFound).
/// </summary>
internal sealed class ArrApiHandler(ArrApp app, string apiKey, ArrStore store, OpenApiBodyValidator validator)
{
    private readonly string _prefix = ArrCollections.For(app).Prefix;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        store.Log($"{request.Method} {path}");
        var cancellationToken = context.RequestAborted;

        if (path.Equals("/ping", StringComparison.OrdinalIgnoreCase) && request.Method is "GET" or "HEAD")
        {
            await WriteAsync(context, 200, request.Method == "GET" ? new JsonObject { ["status"] = "OK" } : null, cancellationToken);
            return;
        }

        if (!path.StartsWith(_prefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var key = request.Headers["X-Api-Key"].FirstOrDefault() ?? request.Query["apikey"].FirstOrDefault();
        if (key != apiKey)
        {
            context.Response.StatusCode = 401;
            return;
        }

        var segments = path[(_prefix.Length + 1)..].TrimEnd('/').Split('/');
        var (status, body) = (segments, request.Method) switch
        {
            (["system", "status"], "GET") => (200, Status()),
            (["qualityprofile"], "GET") when app != ArrApp.Prowlarr => (200, QualityProfiles()),
            ([var c], "GET") when store.Has(c) => (200, new JsonArray([.. store.All(c)])),
            ([var c], "POST") when store.Has(c) => await CreateAsync(context, c, cancellationToken),
            ([var c, var id], _) when store.Has(c) => await ByIdAsync(context, c, id, cancellationToken),
            _ => (404, null),
        };
        await WriteAsync(context, status, body, cancellationToken);
    }

    private async Task<(int, JsonNode?)> ByIdAsync(HttpContext context, string collection, string idText, CancellationToken cancellationToken)
    {
        if (!int.TryParse(idText, out var id))
        {
            return (404, null);
        }

        switch (context.Request.Method)
        {
            case "GET":
                return store.Get(collection, id) is { } found ? (200, found) : (404, null);
            case "DELETE":
                return store.Remove(collection, id) ? (200, null) : (404, null);
            case "PUT" when collection != ArrCollections.RootFolders:
                var (failures, resource) = await ReadAsync(context, collection, $"{_prefix}/{collection}/{{id}}", cancellationToken);
                if (failures.Count == 0 && resource!["id"]?.GetValue<int>() is { } bodyId and not 0 && bodyId != id)
                {
                    // Inferred: the apps take the id from the body; the fake insists that body and route agree.
                    failures.Add(new("id", $"body id {bodyId} differs from the route id {id}"));
                }

                if (failures.Count > 0)
                {
                    return (400, Failures(failures));
                }

                return store.Replace(collection, id, resource!) ? (202, store.Get(collection, id)) : (404, null);
            default:
                return (405, null);
        }
    }

    private async Task<(int, JsonNode?)> CreateAsync(HttpContext context, string collection, CancellationToken cancellationToken)
    {
        var (failures, resource) = await ReadAsync(context, collection, $"{_prefix}/{collection}", cancellationToken);
        if (failures.Count > 0)
        {
            return (400, Failures(failures));
        }

        var stored = store.Add(collection, resource!);
        context.Response.Headers.Location = $"{_prefix}/{collection}/{stored["id"]}";
        return (201, stored);
    }

    /// <summary>
    /// Reads and validates a POST/PUT body: the OpenAPI schema of the operation, then the collection's own rules.
    /// Returns the failures, or none and the resource as the app would store it.
    /// </summary>
    private async Task<(List<ArrValidationFailure>, JsonObject?)> ReadAsync(HttpContext context, string collection, string template, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(json))
        {
            // RestController.ValidateResource: a null resource → BadRequestException("Request body can't be empty").
            return ([new("", "Request body can't be empty")], null);
        }

        JsonObject resource;
        try
        {
            resource = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the body is not a JSON object");
        }
        catch (JsonException e)
        {
            return ([new("", $"body is not valid JSON: {e.Message}")], null);
        }

        var schema = validator.RequestSchemaName(template, context.Request.Method)
            ?? throw new InvalidOperationException($"the OpenAPI document has no request body schema for {context.Request.Method} {template}");
        var failures = validator.Validate(schema, json).Select(f => new ArrValidationFailure(f.Path, f.Message)).ToList();
        if (failures.Count > 0)
        {
            return (failures, null);
        }

        if (collection == ArrCollections.RootFolders)
        {
            CheckRootFolder(resource, failures);
        }
        else if (ProviderCatalog.Check(app, collection, resource, failures) is { } provider && failures.Count == 0)
        {
            ProviderCatalog.Normalise(resource, provider);
        }

        return (failures, resource);
    }

    private void CheckRootFolder(JsonObject resource, List<ArrValidationFailure> failures)
    {
        var path = resource["path"]?.GetValue<string>();
        var rooted = path is not null && (path.StartsWith('/') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/'));
        if (!rooted)
        {
            // Sonarr RootFolderController: RuleFor(c => c.Path).IsValidPath() (configuration-facts.md §2.5); message inferred.
            failures.Add(new("Path", $"Invalid Path: '{path}' is not an absolute path"));
            return;
        }

        var wanted = path!.TrimEnd('/');
        if (store.All(ArrCollections.RootFolders).Any(r => string.Equals(r["path"]?.GetValue<string>()?.TrimEnd('/'), wanted, StringComparison.Ordinal)))
        {
            // Inferred: the apps refuse a path that is already a root folder (RootFolderValidator); message inferred.
            failures.Add(new("Path", "Path is already configured as a root folder"));
            return;
        }

        // What the app returns: the folder exists, is accessible, has free space, no unmapped folders (values invented).
        resource.Remove("id");
        resource["accessible"] = true;
        resource["freeSpace"] = 1_000_000_000_000L;
        resource["unmappedFolders"] = new JsonArray();
    }

    private static JsonArray Failures(IEnumerable<ArrValidationFailure> failures) =>
        [.. failures.Select(f => new JsonObject { ["propertyName"] = f.PropertyName, ["errorMessage"] = f.ErrorMessage, ["severity"] = "error" })];

    private JsonObject Status() => new()
    {
        ["appName"] = app.ToString(),
        ["instanceName"] = app.ToString(),
        // The pinned versions (configuration-facts.md §2–3; Radarr: the 6.0.3 snapshot the facts were read from).
        ["version"] = app switch { ArrApp.Sonarr => "4.0.19.2979", ArrApp.Radarr => "6.0.3.10276", _ => "2.5.2.5491" },
        ["isDebug"] = false,
        ["isProduction"] = true,
        ["authentication"] = "forms",
        ["urlBase"] = "",
    };

    /// <summary>
    /// The profiles a fresh install seeds, in order, so ids 1–6: Sonarr
    /// <c>src/NzbDrone.Core/Profiles/Qualities/QualityProfileService.cs</c> (<c>InstallDefaultProfiles</c>: Any, SD, HD-720p,
    /// HD-1080p, Ultra-HD, HD - 720p/1080p). Ids by insertion order: inferred. Radarr: the same list, inferred.
    /// Quality items and format items are not reproduced (empty lists).
    /// </summary>
    private static JsonArray QualityProfiles() =>
    [
        .. new[] { "Any", "SD", "HD-720p", "HD-1080p", "Ultra-HD", "HD - 720p/1080p" }.Select((name, i) => new JsonObject
        {
            ["id"] = i + 1,
            ["name"] = name,
            ["upgradeAllowed"] = false,
            ["cutoff"] = 0,
            ["items"] = new JsonArray(),
            ["minFormatScore"] = 0,
            ["cutoffFormatScore"] = 0,
            ["minUpgradeFormatScore"] = 1,
            ["formatItems"] = new JsonArray(),
        }),
    ];

    private static async Task WriteAsync(HttpContext context, int status, JsonNode? body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body.ToJsonString(), cancellationToken);
        }
    }
}
