using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Servarr.Hosting.Lifecycle;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>
/// Adds <see cref="ConfigRestoreCommand"/> to the apps in <see cref="BeforeStartEvent"/>, once the model is complete (backup
/// integrations learn their apps then) and before the dashboard reads the resources' commands.
/// </summary>
internal sealed class ConfigRestoreSubscriber(ServarrBuilderHandle handle) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((e, _) =>
            {
                ConfigRestoreCommand.AddTo(handle.Builder, e.Model);
                return Task.CompletedTask;
            });
        }

        return Task.CompletedTask;
    }
}
