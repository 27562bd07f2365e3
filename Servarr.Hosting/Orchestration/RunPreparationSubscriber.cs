using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Servarr.Hosting.Orchestration;

/// <summary>Prepares the host before Aspire's orchestrator starts anything (see <see cref="RunPreparation"/>).</summary>
internal sealed class RunPreparationSubscriber(IConfiguration configuration, ServarrRunHost host,
    ILogger<RunPreparationSubscriber> logger) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>(async (e, ct) =>
        {
            var run = new RunContext(new ParameterValues(configuration, executionContext), host.AppHostDirectory);
            var report = await RunPreparation.PrepareAsync(e.Model, run, ct).ConfigureAwait(false);
            foreach (var line in report)
            {
                logger.LogInformation("{Line}", line);
            }
        });
        return Task.CompletedTask;
    }
}

/// <summary>The AppHost's folder, where relative bind mount sources and development folders live.</summary>
internal sealed record ServarrRunHost(string AppHostDirectory);
