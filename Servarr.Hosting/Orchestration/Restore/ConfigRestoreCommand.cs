using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Restore;

/// <summary>
/// The "Restore config from backup" command of every app whose config a backup integration can restore
/// (<see cref="ConfigRestoreAnnotation"/>), in run mode: plans the restore with the app's provider and carries it out with
/// <see cref="ConfigRestoreRunner"/> on the Docker engine, asking in the dashboard; progress goes to the app's console log.
/// </summary>
public static class ConfigRestoreCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "servarr-restore-config";

    /// <summary>The command's text in the dashboard.</summary>
    public const string DisplayName = "Restore config from backup";

    // How long a parameter value the configuration lacks (entered in the dashboard, generated) is awaited from Aspire.
    private static readonly TimeSpan s_parameterWait = TimeSpan.FromSeconds(2);

    /// <summary>Adds the command to every app of <paramref name="model"/> with a <see cref="ConfigRestoreAnnotation"/>; returns their names.</summary>
    /// <example><code>ConfigRestoreCommand.AddTo(builder, model); // sonarr, radarr, ... get "Restore config from backup"</code></example>
    public static IReadOnlyList<string> AddTo(IDistributedApplicationBuilder builder, DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        var apps = model.Resources.OfType<ContainerResource>().Where(r => r.Annotations.OfType<ConfigRestoreAnnotation>().Any()).ToList();
        foreach (var app in apps)
        {
            builder.CreateResourceBuilder(app).WithCommand(Name, DisplayName, context => ExecuteAsync(app, context), new CommandOptions
            {
                Description = "Stop the app, put its config folder back from a backup snapshot (you choose which), give it to PUID:PGID, start the app again.",
                IconName = "ArrowUndo",
                IconVariant = IconVariant.Regular,
                IsHighlighted = false,
                UpdateState = c => c.ResourceSnapshot.State?.Text is { } s && (s == KnownResourceStates.Starting || s == KnownResourceStates.Stopping)
                    ? ResourceCommandState.Disabled : ResourceCommandState.Enabled,
            });
        }

        return [.. apps.Select(a => a.Name)];
    }

    private static async Task<ExecuteCommandResult> ExecuteAsync(ContainerResource app, ExecuteCommandContext command)
    {
        var services = command.Services;
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(app);
        try
        {
            var provider = app.Annotations.OfType<ConfigRestoreAnnotation>().Last().Provider;
            var context = await ContextAsync(services, command.CancellationToken).ConfigureAwait(false);
            var plan = provider.Plan(app, context);
            var restored = await ConfigRestoreRunner.RunAsync(plan, services.GetRequiredService<IOneOffContainerEngine>(),
                new AspireRestoreDialog(services.GetRequiredService<IInteractionService>()),
                new AspireRestoredApp(app, services.GetRequiredService<ResourceNotificationService>(), services.GetRequiredService<ResourceCommandService>()),
                log, command.CancellationToken).ConfigureAwait(false);
            return restored is null ? CommandResults.Canceled() : CommandResults.Success();
        }
        catch (ServarrException exception)
        {
            log.LogError("{Line}", exception.Message);
            return CommandResults.Failure(exception.Message);
        }
    }

    /// <summary>Parameter values as run preparation reads them (configuration), else the value Aspire holds (entered in the dashboard, generated).</summary>
    private static async Task<ConfigRestoreContext> ContextAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var values = new ParameterValues(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<DistributedApplicationExecutionContext>());
        var resolved = new Dictionary<ParameterResource, string?>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(s_parameterWait);
        foreach (var parameter in services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>())
        {
            resolved[parameter] = await RunParameterValues.ValueAsync(values, parameter, wait.Token).ConfigureAwait(false);
        }

        return new ConfigRestoreContext(p => resolved.TryGetValue(p, out var value) ? value : values.Resolve(p).Value,
            services.GetRequiredService<ServarrRunHost>().AppHostDirectory);
    }
}
