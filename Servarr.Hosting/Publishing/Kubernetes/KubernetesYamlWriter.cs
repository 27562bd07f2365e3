using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Servarr.Hosting.Publishing.Compose;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// Writes a Kubernetes object as YAML: its JSON form (source-generated, wire names, nulls left out) walked into
/// YamlDotNet's emitter, with the same quoting rule as the compose file (strings a YAML reader would take for a
/// number or a boolean are double-quoted).
/// </summary>
public static class KubernetesYamlWriter
{
    /// <summary>One YAML document for <paramref name="value"/>, which must be one of the types in <see cref="KubernetesJsonContext"/>.</summary>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var info = KubernetesJsonContext.Default.GetTypeInfo(value.GetType())
                   ?? throw new InvalidOperationException($"internal: {value.GetType().Name} is not in KubernetesJsonContext");
        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, info));
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(emitter, json.RootElement);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart());
                foreach (var property in element.EnumerateObject())
                {
                    emitter.Emit(new Scalar(property.Name));
                    Write(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                emitter.Emit(ComposeYaml.Scalar(element.GetString()!));
                break;
            default:
                // Numbers, true, false and null are written as JSON has them: plain YAML scalars of the same meaning.
                emitter.Emit(new Scalar(element.GetRawText()));
                break;
        }
    }
}
