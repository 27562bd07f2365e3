using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Manifest;

/// <summary>Writes one resource's properties in the order Aspire writes them.</summary>
internal sealed class ManifestResourceWriter(PublishContext context, Utf8JsonWriter writer, string manifestDirectory)
{
    /// <summary>
    /// The parameters the manifest refers to: those in a container's <c>env</c> or <c>args</c>. Bind mount sources are
    /// written as paths (the manifest has no expressions there), and values read while the model is built (a tunnel
    /// mode) or by a mode that is off are used by nothing in the manifest — declaring them would only make aspirate
    /// ask for values that change nothing.
    /// </summary>
    public static HashSet<ParameterResource> ReferencedParameters(IEnumerable<ContainerResource> containers, DistributedApplicationExecutionContext executionContext) =>
        containers.SelectMany(c => EnvironmentEvaluator.Evaluate(c, executionContext).Select(e => e.Value)
                .Concat(c.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args)))
            .SelectMany(e => e.References).OfType<ParameterResource>().ToHashSet();

    public void Write(IResource resource)
    {
        switch (resource)
        {
            case ParameterResource parameter:
                WriteParameter(parameter);
                break;
            case ContainerResource container:
                WriteContainer(container);
                break;
            default:
                writer.WriteString("error", "This resource does not support generation in the manifest.");
                break;
        }
    }

    private void WriteParameter(ParameterResource parameter)
    {
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }

        var resolved = parameter.Secret ? null : context.Parameters.Resolve(parameter).Value;
        switch (parameter.Default)
        {
            case var _ when resolved is not null:
                // A non-secret value (appsettings.json or the declared default) is published as the default.
                writer.WriteStartObject("default");
                writer.WriteString("value", resolved);
                writer.WriteEndObject();
                break;
            case GenerateParameterDefault generate:
                writer.WriteStartObject("default");
                writer.WriteStartObject("generate");
                writer.WriteNumber("minLength", generate.MinLength);
                if (!generate.Special)
                {
                    writer.WriteBoolean("upper", false);
                    writer.WriteBoolean("special", false);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private void WriteContainer(ContainerResource container)
    {
        writer.WriteString("type", "container.v0");
        writer.WriteString("image", container.GetImage()?.Reference ?? "");
        if (container.TryGetLastAnnotation<EntrypointAnnotation>(out var entrypoint))
        {
            writer.WriteString("entrypoint", entrypoint.Entrypoint);
        }

        var args = container.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToList();
        if (args.Count > 0)
        {
            writer.WriteStartArray("args");
            args.ForEach(a => writer.WriteStringValue(ManifestExpressions.Render(a)));
            writer.WriteEndArray();
        }

        WriteMounts(container);
        var environment = EnvironmentEvaluator.Evaluate(container, context.ExecutionContext);
        if (environment.Count > 0)
        {
            writer.WriteStartObject("env");
            foreach (var (name, value) in environment)
            {
                writer.WriteString(name, ManifestExpressions.Render(value));
            }

            writer.WriteEndObject();
        }

        WriteBindings(container);
    }

    private void WriteMounts(ContainerResource container)
    {
        var mounts = container.GetMounts();
        var binds = mounts.Where(m => m.Type == ContainerMountType.BindMount).ToList();
        if (binds.Count > 0)
        {
            writer.WriteStartArray("bindMounts");
            foreach (var mount in binds)
            {
                writer.WriteStartObject();
                var source = mount.Source.Render(v => v is ParameterResource p ? context.Parameters.Resolve(p).Value ?? "" : "");
                writer.WriteString("source", HostPaths.ForOutput(source, context.AppHostDirectory, manifestDirectory, dotPrefix: false));
                writer.WriteString("target", mount.Target);
                writer.WriteBoolean("readOnly", mount.IsReadOnly);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        var volumes = mounts.Where(m => m.Type == ContainerMountType.Volume).ToList();
        if (volumes.Count > 0)
        {
            writer.WriteStartArray("volumes");
            foreach (var mount in volumes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", mount.VolumeName);
                writer.WriteString("target", mount.Target);
                writer.WriteBoolean("readOnly", mount.IsReadOnly);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private void WriteBindings(ContainerResource container)
    {
        var endpoints = container.GetEndpoints();
        if (endpoints.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            writer.WriteStartObject(endpoint.Name);
            writer.WriteString("scheme", endpoint.Scheme);
            writer.WriteString("protocol", endpoint.Protocol == EndpointProtocol.Udp ? "udp" : "tcp");
            writer.WriteString("transport", endpoint.Transport);
            if (endpoint.Port is { } port && port != endpoint.TargetPort)
            {
                writer.WriteNumber("port", port);
            }

            if (endpoint.TargetPort is { } targetPort)
            {
                writer.WriteNumber("targetPort", targetPort);
            }

            if (container.IsExternal(endpoint))
            {
                writer.WriteBoolean("external", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
