using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Validation;

namespace Servarr.Tests.TestSupport;

/// <summary>Builders for model tests: no environment variables or user-secrets, an explicit AppHost directory.</summary>
internal static class TestAppBuilder
{
    public static IDistributedApplicationBuilder Create(DistributedApplicationOperation operation = DistributedApplicationOperation.Publish,
        IDictionary<string, string?>? configuration = null, string? appHostDirectory = null)
    {
        string[] args = operation == DistributedApplicationOperation.Publish ? ["publish", "--publisher", "manifest"] : [];
        return DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            AppHostDirectory = appHostDirectory ?? Path.Combine(Path.GetTempPath(), "servarr-tests", "apphost"),
            UserSecretsId = null,
            ReadMachineConfiguration = false,
            ConfigurationOverrides = configuration ?? new Dictionary<string, string?>(),
        });
    }

    /// <summary>Host settings with every parameter given a value in configuration.</summary>
    public static HostSettings AddHost(this IDistributedApplicationBuilder builder) => new(
        builder.AddParameter("tz", defaultValue: "Etc/UTC"),
        builder.AddParameter("puid", defaultValue: "1000"),
        builder.AddParameter("pgid", defaultValue: "1000"),
        builder.AddParameter("config-root", defaultValue: "/srv/servarr/config"),
        builder.AddParameter("media-root", defaultValue: "/srv/media"));

    public static ParameterValues Values(this IDistributedApplicationBuilder builder) =>
        new(builder.Configuration, builder.ExecutionContext, store: null);

    /// <summary>Validates what <paramref name="builder"/> declared and returns the problems as lines.</summary>
    public static IReadOnlyList<string> Problems(this IDistributedApplicationBuilder builder, string? publisher = "manifest",
        Func<string, bool>? directoryExists = null)
    {
        var app = builder.Build();
        var context = new ValidationContext(app.Model, builder.ExecutionContext, builder.Values(),
            builder.ExecutionContext.IsPublishMode ? publisher : null, directoryExists ?? (_ => true));
        return ModelValidator.Validate(context).Select(p => p.ToString()).ToList();
    }
}
