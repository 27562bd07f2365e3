using Microsoft.Extensions.Configuration;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// For <c>doctor</c>: builds the compose services and Kubernetes objects as the publishers would write them (after
/// <c>PublishAsComposeService</c> and <c>PublishAsKubernetes</c>, nothing written) and returns what their checks refuse,
/// so an escape hatch cannot hide a privileged container, host network or socket from the report.
/// </summary>
internal static class PublishedObjects
{
    /// <summary>One line per resource with an escape hatch: its name and which.</summary>
    public static IReadOnlyList<string> EscapeHatches(DistributedApplicationModel model) =>
        model.Containers.Select(c => (c.Name, Hatches: new[]
            {
                c.Annotations.OfType<ComposeServiceCustomizationAnnotation>().Any() ? "PublishAsComposeService" : null,
                c.Annotations.OfType<KubernetesCustomizationAnnotation>().Any() ? "PublishAsKubernetes" : null,
            }.OfType<string>().ToList()))
            .Where(x => x.Hatches.Count > 0).Select(x => $"{x.Name.PadRight(20)} {string.Join(", ", x.Hatches)}").ToList();

    /// <summary>What the publishers' final-object checks refuse (a model the publishers cannot map at all is left to them).</summary>
    public static IReadOnlyList<ValidationProblem> Problems(DistributedApplicationModel model, ParameterValues values, IConfiguration configuration,
        string appHostDirectory)
    {
        var output = Path.Combine(appHostDirectory, "deploy");
        var context = new PublishContext(model, ServarrExecution.Publish, values, appHostDirectory, output, configuration);
        var problems = new List<ValidationProblem>();
        void Collect(Action build)
        {
            try
            {
                build();
            }
            catch (ModelValidationException refused)
            {
                problems.AddRange(refused.Problems);
            }
            catch (ServarrException)
            {
                // a model or option the publisher cannot map: it says so itself when publishing
            }
        }

        // Only a stack with an escape hatch is mapped: without one, the objects are the validated model's.
        if (model.Containers.Any(c => c.Annotations.OfType<ComposeServiceCustomizationAnnotation>().Any()))
        {
            Collect(() => ComposePublisher.BuildFile(context, output));
        }

        if (model.Containers.Any(c => c.Annotations.OfType<KubernetesCustomizationAnnotation>().Any()))
        {
            Collect(() => KubernetesPublisher.Render(context, KubernetesOptions.From(configuration)));
        }
        return problems;
    }
}
