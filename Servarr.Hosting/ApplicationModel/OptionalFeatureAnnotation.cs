namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Marks something optional (the tunnel, off-site backups, alerts, newsletters): in run mode it is simply off while a
/// parameter it needs is missing or empty — shown as such, not an error — and on once the value is given. Without
/// <see cref="Parameters"/> the whole resource is the feature and is not started while off; with them, the resource runs
/// and only that feature is reported off.
/// </summary>
/// <example>
/// <code>
/// cloudflared.WithAnnotation(new OptionalFeatureAnnotation("the tunnel"));                    // the container waits
/// tautulli.WithAnnotation(new OptionalFeatureAnnotation("newsletters", smtpHost.Resource));    // Tautulli runs without mail
/// </code>
/// </example>
public sealed class OptionalFeatureAnnotation : IResourceAnnotation
{
    /// <summary>Records the feature's name and, for a feature inside a running resource, the parameters it needs.</summary>
    public OptionalFeatureAnnotation(string feature, params ParameterResource[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Any(p => p is null))
        {
            throw new ArgumentException($"Optional feature '{feature}' lists a null parameter.", nameof(parameters));
        }

        Feature = feature;
        Parameters = parameters.Distinct().ToArray();
    }

    /// <summary>What the feature is called in the status, e.g. <c>the tunnel</c>.</summary>
    public string Feature { get; }

    /// <summary>The parameters a feature inside a running resource needs; empty when the whole resource is the feature.</summary>
    public IReadOnlyList<ParameterResource> Parameters { get; }

    /// <summary>True when the whole resource is the feature (it is not started while off).</summary>
    public bool IsWholeResource => Parameters.Count == 0;
}
