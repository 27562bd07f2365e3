using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// Runs every <see cref="ModelCompletionAnnotation"/> once the model is complete, before anything starts or is
/// written: Kopia learns every config folder, AutoKuma every container, in run and in publish mode alike.
/// </summary>
public static class ModelCompletion
{
    /// <summary>Runs the callbacks; each runs once, also those added by a callback to a resource it adds.</summary>
    public static void Complete(IDistributedApplicationBuilder builder, DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        var done = model.Resources.SelectMany(r => r.Annotations.OfType<ModelCompletionDoneAnnotation>()).Select(d => d.Completion)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < model.Resources.Count; i++)
        {
            var resource = model.Resources[i];
            foreach (var completion in resource.Annotations.OfType<ModelCompletionAnnotation>().ToList())
            {
                if (done.Add(completion))
                {
                    completion.Callback(new ModelCompletionContext(builder, model.Resources.ToList()));
                    resource.Annotations.Add(new ModelCompletionDoneAnnotation(completion));
                }
            }
        }
    }

    /// <summary>Marks a completion callback that has run, so completing again (a test, a second event) changes nothing.</summary>
    private sealed record ModelCompletionDoneAnnotation(ModelCompletionAnnotation Completion) : IResourceAnnotation;
}
