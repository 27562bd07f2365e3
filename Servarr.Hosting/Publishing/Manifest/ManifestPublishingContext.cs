using System.Text.Json;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Manifest;

/// <summary>
/// What a manifest callback gets: the JSON writer positioned inside the resource's object, and
/// <see cref="WriteDefault"/> to write what Servarr would have written.
/// </summary>
public sealed class ManifestPublishingContext
{
    private readonly Action _writeDefault;

    internal ManifestPublishingContext(IResource resource, Utf8JsonWriter writer, DistributedApplicationExecutionContext executionContext,
        Action writeDefault)
    {
        Resource = resource;
        Writer = writer;
        ExecutionContext = executionContext;
        _writeDefault = writeDefault;
    }

    /// <summary>The resource being written.</summary>
    public IResource Resource { get; }

    /// <summary>The writer; write properties only (the object is opened and closed for you).</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Publish mode.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Writes Servarr's own properties for this resource.</summary>
    public void WriteDefault() => _writeDefault();
}
