using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Servarr.Tests.ServiceDefaults;

public class ServiceDefaultsTests
{
    [Fact]
    public async Task AddServiceDefaultsRegistersAHealthyLivenessCheck()
    {
        var builder = new MinimalHostBuilder();

        builder.AddServiceDefaults();
        builder.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        await using var services = builder.Services.BuildServiceProvider();
        var report = await services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains(ServiceDefaultsExtensions.LiveTag));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["self"], report.Entries.Keys);
    }

    private sealed class MinimalHostBuilder : IHostApplicationBuilder
    {
        public IDictionary<object, object> Properties { get; } = new Dictionary<object, object>();
        public IConfigurationManager Configuration { get; } = new ConfigurationManager();
        public IHostEnvironment Environment => throw new NotSupportedException();
        public Microsoft.Extensions.Logging.ILoggingBuilder Logging => throw new NotSupportedException();
        public Microsoft.Extensions.Diagnostics.Metrics.IMetricsBuilder Metrics => throw new NotSupportedException();
        public IServiceCollection Services { get; } = new ServiceCollection();

        public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
            where TContainerBuilder : notnull => throw new NotSupportedException();
    }
}
