using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Servarr.Hosting.Orchestration;

/// <summary>Prepares the host before Aspire's orchestrator starts anything (see <see cref="RunPreparation"/>).</summary>
internal sealed class RunPreparationSubscriber(IConfiguration configuration, ServarrRunHost host, IStackEngine engine,
    ILogger<RunPreparationSubscriber> logger) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>(async (e, ct) =>
        {
            var run = new RunContext(new ParameterValues(configuration, executionContext), host.AppHostDirectory, host.Application);
            var report = await RunPreparation.PrepareAsync(e.Model, run, ct).ConfigureAwait(false);
            foreach (var line in report)
            {
                logger.LogInformation("{Line}", line);
            }

            // Before Aspire's orchestrator creates them unlabelled on first use: `down` finds the app's volumes by label.
            foreach (var line in await StackVolumes.CreateLabelledAsync(e.Model, engine, host.Application, ct).ConfigureAwait(false))
            {
                logger.LogInformation("{Line}", line);
            }
        });
        return Task.CompletedTask;
    }
}

/// <summary>The AppHost's folder, where relative bind mount sources and development folders live, and its app name (<see cref="AppIdentity"/>).</summary>
internal sealed record ServarrRunHost(string AppHostDirectory, string Application);
