using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Docker;

namespace Servarr.Hosting.Orchestration;

/// <summary>Registers what Servarr adds to Aspire's run mode.</summary>
internal static class RunMode
{
    /// <summary>The key of a container's health check in Aspire's health check service.</summary>
    internal static string HealthCheckKey(IResource resource) => $"servarr-{resource.Name}-health";

    public static void Register(IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => DockerEngine.FromEnvironment());
        builder.Services.AddSingleton(new ServarrRunHost(builder.AppHostDirectory));
        builder.Services.TryAddEventingSubscriber<RunPreparationSubscriber>();
        builder.Services.AddHealthChecks();
        // One check per container with a health command or an image health check; the model is complete by the time
        // Aspire's health service first reads its options.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<DistributedApplicationModel>((options, model) =>
        {
            foreach (var container in model.Containers.Where(HasHealthCheck))
            {
                options.Registrations.Add(new HealthCheckRegistration(HealthCheckKey(container),
                    services => new DockerHealthCheck(container, services.GetRequiredService<ResourceNotificationService>(), services.GetRequiredService<DockerEngine>()),
                    failureStatus: HealthStatus.Unhealthy, tags: null));
            }
        });
    }

    internal static bool HasHealthCheck(IResource resource) =>
        resource.Annotations.Any(a => a is ContainerHealthCheckAnnotation or ImageHealthCheckAnnotation);
}
