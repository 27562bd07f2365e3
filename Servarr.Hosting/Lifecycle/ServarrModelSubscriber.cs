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
            var context = new ValidationContext(e.Model, executionContext, new ParameterValues(configuration, executionContext));
            ModelValidator.ThrowIfInvalid(context);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }
}

/// <summary>The AppHost's builder, for completion callbacks that add annotations through resource builders.</summary>
internal sealed record ServarrBuilderHandle(IDistributedApplicationBuilder Builder);
