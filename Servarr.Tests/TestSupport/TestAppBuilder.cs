using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Servarr.Hosting;
using Servarr.Hosting.Lifecycle;
using Servarr.Hosting.Validation;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// Aspire builders for model-level tests: publish mode unless asked otherwise, no dashboard, no machine configuration
/// (user secrets, environment) — only what the test passes.
/// </summary>
internal static class TestAppBuilder
{
    public static IDistributedApplicationBuilder Create(DistributedApplicationOperation operation = DistributedApplicationOperation.Publish,
        IDictionary<string, string?>? configuration = null, string? appHostDirectory = null)
    {
        string[] args = operation == DistributedApplicationOperation.Publish
            ? ["--operation", "publish", "--step", "publish-manifest"]
            : [];
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            DisableDashboard = true,
            ProjectDirectory = appHostDirectory ?? Path.Combine(Path.GetTempPath(), "servarr-tests", "apphost"),
        });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        return builder.AddServarr();
    }

    public static HostSettings AddHost(this IDistributedApplicationBuilder builder) => new(
        builder.AddParameter("tz", "Etc/UTC", publishValueAsDefault: true),
        builder.AddParameter("puid", "1000", publishValueAsDefault: true),
        builder.AddParameter("pgid", "1000", publishValueAsDefault: true),
        builder.AddParameter("config-root", "/srv/servarr/config", publishValueAsDefault: true),
        builder.AddParameter("media-root", "/srv/media", publishValueAsDefault: true));

    public static ParameterValues Values(this IDistributedApplicationBuilder builder) => new(builder.Configuration, builder.ExecutionContext);

    /// <summary>Builds the app and completes its model as Aspire's BeforeStartEvent would (without starting anything).</summary>
    public static DistributedApplicationModel BuildModel(this IDistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        ModelCompletion.Complete(builder, model);
        return model;
    }

    public static IReadOnlyList<string> Problems(this IDistributedApplicationBuilder builder, string? publisher = null,
        Func<string, bool>? directoryExists = null)
    {
        var model = builder.BuildModel();
        var context = new ValidationContext(model, builder.ExecutionContext, builder.Values(),
            builder.ExecutionContext.IsPublishMode ? publisher : null, directoryExists ?? (_ => true));
        return ModelValidator.Validate(context).Select(p => p.ToString()).ToList();
    }
}
