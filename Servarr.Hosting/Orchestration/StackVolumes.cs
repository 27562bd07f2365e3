using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The model's named volumes in run mode. Aspire's orchestrator lets Docker create a volume on first use, without
/// labels; Servarr creates the missing ones first, labelled <c>servarr.app=&lt;app&gt;</c>, so <c>down</c> can tell this
/// AppHost's volumes from another's of the same name.
/// </summary>
public static class StackVolumes
{
    /// <summary>The distinct volume names of the model's containers, in declaration order.</summary>
    /// <example><code>StackVolumes.Names(model) // ["plex-transcode", "autokuma-data", "kopia-cache"]</code></example>
    public static IReadOnlyList<string> Names(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Containers.SelectMany(c => c.GetMounts()).Select(m => m.VolumeName).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Creates every missing volume of <paramref name="model"/> labelled for <paramref name="application"/>; returns lines
    /// for the AppHost's log (what was created, and volumes that exist without this app's label). An engine error is a
    /// line too: Docker still creates the volume when the container starts.
    /// </summary>
    /// <example><code>await StackVolumes.CreateLabelledAsync(model, engine, "servarr-3f9a1c2b", ct) // ["created 3 volume(s) labelled ..."]</code></example>
    public static async Task<IReadOnlyList<string>> CreateLabelledAsync(DistributedApplicationModel model, IStackEngine engine, string application,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(application);
        var created = new List<string>();
        var report = new List<string>();
        try
        {
            foreach (var name in Names(model))
            {
                var existing = await engine.FindVolumeAsync(name, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    await engine.CreateVolumeAsync(name, new Dictionary<string, string> { [ServarrLabels.App] = application }, cancellationToken).ConfigureAwait(false);
                    created.Add(name);
                }
                else if (existing.Labels.GetValueOrDefault(ServarrLabels.App) != application)
                {
                    report.Add($"volume {name} exists without label {ServarrLabels.App}={application} (another AppHost's, or older): `down` never deletes it; "
                        + $"if it is this app's, remove it once with `docker volume rm {name}` (its data is lost) before the next run");
                }
            }
        }
        catch (ServarrException exception)
        {
            report.Add($"could not create the app's volumes with their label: {exception.Message}");
        }

        if (created.Count > 0)
        {
            report.Insert(0, $"created {created.Count} volume(s) labelled {ServarrLabels.App}={application}: {string.Join(", ", created)}");
        }

        return report;
    }
}
