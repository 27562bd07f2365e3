using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting.Lifecycle;

/// <summary>
/// Before anything starts (run) or is written (publish): completes the model and checks it, reporting every problem
/// at once, one line each, naming the resource and the fix.
/// </summary>
internal sealed class ServarrModelSubscriber(ServarrBuilderHandle handle, IConfiguration configuration) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            ModelCompletion.Complete(handle.Builder, e.Model);
            // What Servarr models: in run mode Aspire adds its dashboard (an executable whose callbacks wait), not Servarr's to check.
            var servarr = new DistributedApplicationModel(e.Model.Resources.Where(r => r is not ExecutableResource).ToList());
            var context = new ValidationContext(servarr, executionContext, new ParameterValues(configuration, executionContext));
            ModelValidator.ThrowIfInvalid(context);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }
}

/// <summary>The AppHost's builder, for completion callbacks that add annotations through resource builders.</summary>
internal sealed record ServarrBuilderHandle(IDistributedApplicationBuilder Builder);
