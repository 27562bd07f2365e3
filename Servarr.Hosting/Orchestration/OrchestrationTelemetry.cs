using System.Diagnostics;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// The AppHost's own traces: one <c>start &lt;resource&gt;</c> span per resource with a child per step
/// (<c>wait-dependencies</c>, <c>pull</c>, <c>create</c>, <c>start</c>, <c>wait-healthy</c>), so a slow start shows
/// where its time went. Tags carry names and images only, never values of the environment.
/// </summary>
public static class OrchestrationTelemetry
{
    /// <summary>The ActivitySource name to listen to (OpenTelemetry <c>AddSource</c>).</summary>
    public const string SourceName = "Servarr.Orchestration";

    /// <summary>The tag naming the resource on every span.</summary>
    public const string ResourceTag = "servarr.resource";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the root span of one resource's start (a new trace, not a child of whatever runs now).</summary>
    internal static Activity? StartResource(string resource, string image)
    {
        var activity = Source.StartActivity($"start {resource}", ActivityKind.Internal, parentContext: default);
        activity?.SetTag(ResourceTag, resource);
        activity?.SetTag("container.image.name", image);
        return activity;
    }

    /// <summary>Starts a step under <paramref name="parent"/>.</summary>
    internal static Activity? Step(string step, Activity? parent, string resource)
    {
        var activity = Source.StartActivity(step, ActivityKind.Internal, parent?.Context ?? default);
        activity?.SetTag(ResourceTag, resource);
        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="reason"/>.</summary>
    internal static void Fail(Activity? activity, string reason) => activity?.SetStatus(ActivityStatusCode.Error, reason);
}
