using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>
/// Runs one-off containers with this AppHost's <c>servarr.app</c> label added, like every other container of the run, so
/// one left behind by a killed AppHost is found by <c>down</c>.
/// </summary>
/// <example><code>var engine = new AppLabelledOneOffEngine(dockerEngine, "servarr-d67098d9");</code></example>
public sealed class AppLabelledOneOffEngine : IOneOffContainerEngine
{
    private readonly IOneOffContainerEngine _inner;
    private readonly string? _application;

    /// <summary>Wraps <paramref name="inner"/>; without an <paramref name="application"/> the specs pass unchanged.</summary>
    public AppLabelledOneOffEngine(IOneOffContainerEngine inner, string? application)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _application = string.IsNullOrWhiteSpace(application) ? null : application;
    }

    /// <inheritdoc />
    public Task<OneOffResult> RunOneOffAsync(OneOffContainerSpec container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        return _inner.RunOneOffAsync(Labelled(container), timeout, cancellationToken);
    }

    /// <summary>The spec with the app label set (the app's value wins over one the spec carries).</summary>
    public OneOffContainerSpec Labelled(OneOffContainerSpec container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return _application is null ? container
            : container with { Labels = new Dictionary<string, string>(container.Labels, StringComparer.Ordinal) { [ServarrLabels.App] = _application } };
    }
}
