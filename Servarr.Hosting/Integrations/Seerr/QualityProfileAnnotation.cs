namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The quality profile, by name, that Seerr asks its Sonarr and Radarr servers to use for requests (each app's profile
/// of that name; Servarr looks its id up through Seerr and names the profiles there are when none matches).
/// </summary>
/// <example><code>seerr.WithAnnotation(new QualityProfileAnnotation("Ultra-HD")); // what .WithQualityProfile("Ultra-HD") records</code></example>
public sealed class QualityProfileAnnotation : IResourceAnnotation
{
    /// <summary>Records <paramref name="name"/>, e.g. <c>HD-1080p</c>.</summary>
    public QualityProfileAnnotation(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Any(char.IsControl))
        {
            throw new ArgumentException($"the quality profile's name must be one line, e.g. \"HD-1080p\" (got '{name}')", nameof(name));
        }

        Name = name.Trim();
    }

    /// <summary>The profile's name as the apps show it, e.g. <c>HD-1080p</c>.</summary>
    public string Name { get; }
}
