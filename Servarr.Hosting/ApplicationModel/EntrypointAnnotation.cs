namespace Servarr.Hosting.ApplicationModel;

/// <summary>Replaces the image's entrypoint.</summary>
public sealed class EntrypointAnnotation : IResourceAnnotation
{
    /// <summary>Records an entrypoint.</summary>
    public EntrypointAnnotation(string entrypoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entrypoint);
        Entrypoint = entrypoint;
    }

    /// <summary>The program to run.</summary>
    public string Entrypoint { get; }
}
