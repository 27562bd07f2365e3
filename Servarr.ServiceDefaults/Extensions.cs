using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The defaults every .NET process Servarr itself runs (AppHost-side tools, sidecars, a config seeder) starts with:
/// OpenTelemetry logs, metrics and traces (sent over OTLP when an endpoint is configured), a liveness health check,
/// service discovery and a standard resilience pipeline on every <see cref="HttpClient"/>.
/// The third-party containers of the media stack do not use this; it is only for code we write.
/// </summary>
/// <example>
/// The whole <c>Program.cs</c> of a small web process:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddServiceDefaults();
/// builder.Services.AddHttpClient("sonarr", c => c.BaseAddress = new Uri("http://sonarr"));
///
/// var app = builder.Build();
/// app.MapDefaultEndpoints();   // /health and /alive (Development, or when opted in)
/// app.Run();
/// </code>
/// A worker without a web server calls only <c>AddServiceDefaults</c>:
/// <code>
/// var builder = Host.CreateApplicationBuilder(args);
/// builder.AddServiceDefaults();
/// builder.Build().Run();
/// </code>
/// </example>
public static class Extensions
{
    /// <summary>
    /// The tag of the checks that say the process is alive. <c>/alive</c> runs only checks with this tag;
    /// <c>/health</c> runs every check, so a dependency check without the tag affects readiness but not liveness.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks()
    ///     .AddCheck("event-loop", () => HealthCheckResult.Healthy(), [Extensions.LiveTag]) // on /alive and /health
    ///     .AddCheck&lt;SonarrReachableCheck&gt;("sonarr");                                    // on /health only
    /// </code>
    /// </example>
    public const string LiveTag = "live";

    /// <summary>The path of the readiness endpoint, which runs every registered health check.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>The path of the liveness endpoint, which runs only the checks tagged <see cref="LiveTag"/>.</summary>
    public const string AliveEndpointPath = "/alive";

    /// <summary>
    /// The configuration key that maps the health endpoints outside Development when set to <c>true</c>.
    /// As an environment variable: <c>ServiceDefaults__MapHealthEndpoints=true</c>.
    /// </summary>
    public const string MapHealthEndpointsKey = "ServiceDefaults:MapHealthEndpoints";

    /// <summary>
    /// The configuration key (normally an environment variable the AppHost sets) whose non-empty value turns on the
    /// OTLP exporter, e.g. <c>OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317</c>.
    /// </summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Adds all the Servarr defaults: <see cref="ConfigureOpenTelemetry{TBuilder}"/>,
    /// <see cref="AddDefaultHealthChecks{TBuilder}"/>, service discovery, and for every <see cref="HttpClient"/> made by
    /// <see cref="IHttpClientFactory"/> the standard resilience handler (retries, timeouts, circuit breaker) followed by
    /// service-discovery resolution of the request URI.
    /// </summary>
    /// <remarks>
    /// Service discovery turns a logical URI into a real one from configuration. With
    /// <c>services__sonarr__http__0=http://localhost:8989</c> in the environment, a client whose base address is
    /// <c>http://sonarr</c> sends its requests to <c>http://localhost:8989</c>.
    /// </remarks>
    /// <example>
    /// <code>
    /// var builder = WebApplication.CreateBuilder(args);
    /// builder.AddServiceDefaults();
    /// builder.Services.AddHttpClient&lt;SonarrClient&gt;(c => c.BaseAddress = new Uri("https+http://sonarr"));
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The host builder type, e.g. <c>WebApplicationBuilder</c> or <c>HostApplicationBuilder</c>.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same <paramref name="builder"/>, for chaining.</returns>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>
    /// Sets up OpenTelemetry: logs keep their formatted message and scopes; metrics come from ASP.NET Core,
    /// <see cref="HttpClient"/> and the .NET runtime; traces come from ASP.NET Core (without the requests to
    /// <see cref="HealthEndpointPath"/> and <see cref="AliveEndpointPath"/>), <see cref="HttpClient"/>, and an
    /// <see cref="System.Diagnostics.ActivitySource"/> named after the application.
    /// The OTLP exporter is added only when <see cref="OtlpEndpointKey"/> is set, so a process started by hand
    /// exports nothing and needs no collector.
    /// </summary>
    /// <remarks>
    /// The exporter reads its other settings from configuration too: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
    /// (<c>grpc</c> or <c>http/protobuf</c>), <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SERVICE_NAME</c> and
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>.
    /// </remarks>
    /// <example>
    /// Custom spans show up when their source carries the application name
    /// (<c>IHostEnvironment.ApplicationName</c>, by default the entry assembly's name):
    /// <code>
    /// private static readonly ActivitySource s_source = new("Servarr.ConfigSeeder");
    ///
    /// using var activity = s_source.StartActivity("seed-sonarr");
    /// activity?.SetTag("servarr.resource", "sonarr");
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same <paramref name="builder"/>, for chaining.</returns>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Adds a check named <c>self</c>, tagged <see cref="LiveTag"/>, that is healthy for as long as the process can
    /// answer at all. Add your own checks next to it; tag them <see cref="LiveTag"/> only if a failure means the
    /// process should be restarted.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddDefaultHealthChecks();
    /// builder.Services.AddHealthChecks().AddCheck&lt;SonarrReachableCheck&gt;("sonarr"); // readiness only
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same <paramref name="builder"/>, for chaining.</returns>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <see cref="HealthEndpointPath"/> (every check must pass: the process is ready) and
    /// <see cref="AliveEndpointPath"/> (only checks tagged <see cref="LiveTag"/>: the process is alive). Each answers
    /// <c>200 Healthy</c>, or <c>503 Unhealthy</c> when a check it runs fails.
    /// </summary>
    /// <remarks>
    /// The endpoints are mapped in the Development environment only, because a health report can tell an outsider
    /// more than they should know. Outside Development, opt in with the configuration key
    /// <see cref="MapHealthEndpointsKey"/> set to <c>true</c> (environment variable
    /// <c>ServiceDefaults__MapHealthEndpoints=true</c>), e.g. when the process is only reachable on the stack's
    /// private network and a container health check calls <c>/alive</c>. Any other value leaves them unmapped, so
    /// they answer 404; a value that is not a boolean fails at startup.
    /// </remarks>
    /// <example>
    /// <code>
    /// var app = builder.Build();
    /// app.MapDefaultEndpoints();
    /// app.MapGet("/", () => "config seeder");
    /// app.Run();
    /// </code>
    /// </example>
    /// <param name="app">The built web application.</param>
    /// <returns>The same <paramref name="app"/>, for chaining.</returns>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (!app.Environment.IsDevelopment() && !app.Configuration.GetValue<bool>(MapHealthEndpointsKey))
        {
            return app;
        }

        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AliveEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        });

        return app;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AliveEndpointPath);
}
