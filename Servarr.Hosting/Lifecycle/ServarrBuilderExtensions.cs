using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Servarr.Hosting.Lifecycle;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting;

/// <summary>Turns an Aspire AppHost into a Servarr one: model checks, run-mode host preparation, the VPN namespace, publishers.</summary>
public static class ServarrBuilderExtensions
{
    /// <summary>
    /// Adds Servarr to the AppHost: before anything starts or is published the model is completed and checked (every
    /// problem at once, one line each); in run mode the host folders and generated files are prepared, each app's own
    /// health command is Aspire's health check, and the apps behind the VPN run in gluetun's network namespace.
    /// Call it right after <c>DistributedApplication.CreateBuilder</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = DistributedApplication.CreateBuilder(args).AddServarr();
    /// </code>
    /// </example>
    public static IDistributedApplicationBuilder AddServarr(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(ServarrBuilderHandle)))
        {
            return builder;
        }

        if (System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == builder.Environment.ApplicationName)
        {
            // The AppHost is the program (dotnet run), not a test host: a mistake Program.cs makes from here on is one line.
            ServarrApp.ReportUnhandledAsOneLine();
        }

        builder.Services.AddSingleton(new ServarrBuilderHandle(builder));
        builder.Services.TryAddEventingSubscriber<ServarrModelSubscriber>();
        Publishing.PublishingSteps.Register(builder);
        DoctorStep.Register(builder);
        DownStep.Register(builder);
        ConfigureStep.Register(builder);
        if (builder.ExecutionContext.IsRunMode)
        {
            RunMode.Register(builder);
        }

        return builder;
    }
}
