using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Defaults for the .NET processes Servarr itself runs (today: none but the AppHost; later helpers such as a config
/// seeder). For now this registers the liveness check every such process answers; OpenTelemetry export to the
/// dashboard and HTTP resilience join it with the dashboard work.
/// </summary>
/// <example>
/// <code>
/// var builder = Host.CreateApplicationBuilder(args);
/// builder.AddServiceDefaults();
/// </code>
/// </example>
public static class ServiceDefaultsExtensions
{
    /// <summary>The tag of checks that say the process is alive (<c>/alive</c>); all checks together say it is ready (<c>/health</c>).</summary>
    public const string LiveTag = "live";

    /// <summary>Adds the Servarr defaults to a host builder.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDefaultHealthChecks();
        return builder;
    }

    /// <summary>Adds a <c>self</c> check tagged <see cref="LiveTag"/> that is healthy while the process runs.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }
}
