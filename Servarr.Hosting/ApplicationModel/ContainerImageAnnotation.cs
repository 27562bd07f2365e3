namespace Servarr.Hosting.ApplicationModel;

/// <summary>The image a container runs: <c>registry/image:tag</c>. A missing or <c>latest</c> tag is reported by the validator.</summary>
public sealed class ContainerImageAnnotation : IResourceAnnotation
{
    /// <summary>Records an image.</summary>
    public ContainerImageAnnotation(string image, string? tag = null, string? registry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        if (image.Contains('@') || image.Split('/')[^1].Contains(':'))
        {
            throw new ArgumentException($"Image '{image}' must not carry a tag or digest; pass the tag separately.", nameof(image));
        }

        Image = image;
        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag;
        Registry = string.IsNullOrWhiteSpace(registry) ? null : registry.TrimEnd('/');
    }

    /// <summary>The repository, e.g. <c>linuxserver/sonarr</c>.</summary>
    public string Image { get; }

    /// <summary>The tag, e.g. <c>4.0.19.2979-ls316</c>; null when none was given.</summary>
    public string? Tag { get; }

    /// <summary>The registry host, e.g. <c>lscr.io</c>; null for the engine's default.</summary>
    public string? Registry { get; }

    /// <summary>The full reference, e.g. <c>lscr.io/linuxserver/sonarr:4.0.19.2979-ls316</c>.</summary>
    public string Reference => $"{(Registry is null ? "" : Registry + "/")}{Image}{(Tag is null ? "" : ":" + Tag)}";

    /// <summary>A copy with some parts replaced.</summary>
    public ContainerImageAnnotation With(string? image = null, string? tag = null, string? registry = null) =>
        new(image ?? Image, tag ?? Tag, registry ?? Registry);
}
