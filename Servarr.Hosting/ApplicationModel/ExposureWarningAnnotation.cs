namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Something about how a resource is reached that its owner should know and <c>doctor</c> prints as a warning — it stops
/// nothing (e.g. Plex served through a tunnel whose terms forbid video). Integrations add it; the report stays generic.
/// </summary>
/// <example><code>plex.WithAnnotation(new ExposureWarningAnnotation("set lan-address so LAN clients connect directly"));</code></example>
public sealed class ExposureWarningAnnotation : IResourceAnnotation
{
    /// <summary>Records a warning: one line, what is wrong and what to do.</summary>
    public ExposureWarningAnnotation(string warning)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(warning);
        if (warning.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A warning is one line.", nameof(warning));
        }

        Warning = warning;
    }

    /// <summary>The warning.</summary>
    public string Warning { get; }
}
