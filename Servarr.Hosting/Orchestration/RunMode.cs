using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Hosting.Orchestration.Restore;
using Servarr.Hosting.Orchestration.Vpn;

namespace Servarr.Hosting.Orchestration;

/// <summary>Registers what Servarr adds to Aspire's run mode.</summary>
internal static class RunMode
{
    /// <summary>The key of a container's health check in Aspire's health check service.</summary>
    internal static string HealthCheckKey(IResource resource) => $"servarr-{resource.Name}-health";

    public static void Register(IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => DockerEngine.FromEnvironment());
        builder.Services.AddSingleton(new ServarrRunHost(builder.AppHostDirectory,
            AppIdentity.Name(builder.Configuration, builder.Environment.ApplicationName, builder.AppHostDirectory)));
        builder.Services.AddSingleton<IVpnContainerEngine>(sp => sp.GetRequiredService<DockerEngine>());
        builder.Services.AddSingleton<IStackEngine>(sp => sp.GetRequiredService<DockerEngine>());
        builder.Services.TryAddEventingSubscriber<RunPreparationSubscriber>();
        // Each app a backup integration can restore gets "Restore config from backup" (one-off containers on the engine).
        builder.Services.AddSingleton<IOneOffContainerEngine>(sp =>
            new AppLabelledOneOffEngine(sp.GetRequiredService<DockerEngine>(), sp.GetRequiredService<ServarrRunHost>().Application));
        builder.Services.TryAddEventingSubscriber<ConfigRestoreSubscriber>();
        // After run preparation: both act on BeforeStartEvent, in subscription order, and the VPN lifecycle reads the
        // mounts, generated files and health annotations run preparation hands to the model.
        builder.Services.TryAddSingleton<VpnLifecycle>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDistributedApplicationEventingSubscriber, VpnLifecycle>(sp => sp.GetRequiredService<VpnLifecycle>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, VpnShutdownService>());
        builder.Services.AddHealthChecks();
        // Each app with configuration items: a "configuration" health check, commands, and a pass once the app is healthy.
        Configuration.ConfigurationLifecycle.Register(builder);
        builder.Services.TryAddEventingSubscriber<Configuration.ConfigurationLifecycle>();
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
