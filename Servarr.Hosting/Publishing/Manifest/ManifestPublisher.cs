using System.Text.Encodings.Web;
using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Manifest;

/// <summary>
/// Writes <c>aspire-manifest.json</c> in the Aspire 8.0 schema, with only <c>container.v0</c>, <c>parameter.v0</c> and
/// <c>value.v0</c> entries (what aspirate reads), and a parameter only where a container refers to it. Networks and the
/// container features the schema has no field for (capabilities, devices, network mode, health) are left to the compose
/// and Kubernetes publishers.
/// </summary>
public sealed class ManifestPublisher : IPublisher
{
    /// <summary>The schema URL written as <c>$schema</c>.</summary>
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    /// <inheritdoc />
    public string Name => "manifest";

    /// <summary>Where the manifest goes: the path itself when it ends in <c>.json</c>, else <c>aspire-manifest.json</c> inside it.</summary>
    public static string ResolveFilePath(string outputPath) =>
        outputPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? outputPath : Path.Combine(outputPath, "aspire-manifest.json");

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = ResolveFilePath(context.OutputPath);
        var bytes = Write(context, Path.GetDirectoryName(file)!);
        await AtomicFile.WriteAsync(file, bytes, ownerOnly: false, cancellationToken).ConfigureAwait(false);
        return [file];
    }

    /// <summary>Renders the manifest for a file in <paramref name="manifestDirectory"/>.</summary>
    public static byte[] Write(PublishContext context, string manifestDirectory)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUrl);
            writer.WriteStartObject("resources");
            var referenced = ManifestResourceWriter.ReferencedParameters(context.Model.Containers, context.ExecutionContext);
            foreach (var resource in context.Model.Resources)
            {
                if (resource is NetworkResource || (resource is ParameterResource parameter && !referenced.Contains(parameter)))
                {
                    continue;
                }

                writer.WriteStartObject(resource.Name);
                var resourceWriter = new ManifestResourceWriter(context, writer, manifestDirectory);
                void WriteDefault() => resourceWriter.Write(resource);
                if (resource.TryGetLastAnnotation<ManifestPublishingCallbackAnnotation>(out var callback))
                {
                    callback.Callback(new ManifestPublishingContext(resource, writer, context.ExecutionContext, WriteDefault));
                }
                else
                {
                    WriteDefault();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
