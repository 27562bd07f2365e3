using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The one screen a run prints when parameters are missing: which resources wait for which values (and what waits
/// behind them), the command that sets each, and the optional features that are off. Pure: from the model and the gate.
/// </summary>
public static class ParameterSummary
{
    /// <summary>The lines to print; empty when nothing is missing or off.</summary>
    /// <example><code>foreach (var line in ParameterSummary.Lines(model, gate)) Console.WriteLine(line);</code></example>
    public static IReadOnlyList<string> Lines(DistributedApplicationModel model, ParameterGate gate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gate);
        var containers = model.Containers.ToList();
        var lines = new List<string>();
        var waiting = containers.Where(c => !IsOptional(c) && gate.Blocking(c).Count > 0).ToList();
        if (waiting.Count > 0)
        {
            lines.Add("waiting for parameters (everything else starts; give a value and what waits starts, no restart needed):");
            foreach (var container in waiting)
            {
                var blocking = gate.Blocking(container);
                var behind = containers.Where(d => gate.Blocking(d).Count == 0 && gate.ParkedOn(d) is { Count: > 0 } parked && parked.All(blocking.Contains))
                    .Select(d => d.Name).ToList();
                lines.Add($"  {container.Name} needs {ParameterGate.Names(blocking)}{(behind.Count > 0 ? $"; {string.Join(", ", behind)} wait for it" : "")}");
            }

            foreach (var parameter in waiting.SelectMany(gate.Blocking).Distinct())
            {
                lines.Add($"    {ParameterGate.SetCommand(parameter)}");
            }
        }

        var off = containers.Where(c => IsOptional(c) && gate.Blocking(c).Count > 0)
            .Select(c => (Feature: WholeFeature(c)!.Feature, Resource: c.Name, Needs: gate.Blocking(c)))
            .Concat(containers.SelectMany(c => gate.FeaturesOff(c).Select(f => (f.Feature, Resource: c.Name, f.Needs))))
            .ToList();
        if (off.Count > 0)
        {
            lines.Add("off until their parameters are set (optional):");
            lines.AddRange(off.Select(f => $"  {f.Feature} ({f.Resource}) needs {ParameterGate.Names(f.Needs)}"));
        }

        if (lines.Count > 0)
        {
            lines.Add("list and set them: dotnet run --project Servarr.AppHost -- params (or in the dashboard)");
        }

        return lines;
    }

    /// <summary>The note a running resource shows for its features that are off, e.g. <c>off: newsletters (needs `smtp-host`)</c>; null when none.</summary>
    public static string? FeatureNote(ContainerResource container, ParameterGate gate)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(gate);
        var off = gate.FeaturesOff(container);
        return off.Count == 0 ? null : "off: " + string.Join("; ", off.Select(f => $"{f.Feature} (needs {ParameterGate.Names(f.Needs)})"));
    }

    private static OptionalFeatureAnnotation? WholeFeature(ContainerResource container) =>
        container.Annotations.OfType<OptionalFeatureAnnotation>().FirstOrDefault(f => f.IsWholeResource);

    private static bool IsOptional(ContainerResource container) => WholeFeature(container) is not null;
}
