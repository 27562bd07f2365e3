using Microsoft.Extensions.Configuration;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Reads parameter values the way Aspire does (configuration key <c>Parameters:&lt;name&gt;</c>, then the declared
/// default) without generating anything, for validation and publishers: a value Aspire would generate on the first run
/// is <see cref="ParameterValueSource.Missing"/> here, and a folder parameter gives its published server path.
/// </summary>
public sealed class ParameterValues
{
    private readonly IConfiguration _configuration;
    private readonly bool _isRunMode;

    /// <summary>Creates the reader over <paramref name="configuration"/>.</summary>
    public ParameterValues(IConfiguration configuration, DistributedApplicationExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(executionContext);
        _configuration = configuration;
        _isRunMode = executionContext.IsRunMode;
    }

    /// <summary>The parameter's value and where it comes from.</summary>
    public ParameterValue Resolve(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var configured = _configuration[parameter.ConfigurationKey];
        if (configured is not null)
        {
            return new(configured, ParameterValueSource.Configuration, parameter.Secret);
        }

        return parameter.Default switch
        {
            DevelopmentParameterDefault development when _isRunMode => new(development.Path, ParameterValueSource.Development, parameter.Secret),
            DevelopmentParameterDefault { PublishedValue: { } published } => new(published, ParameterValueSource.Default, parameter.Secret),
            DevelopmentParameterDefault => new(null, ParameterValueSource.Missing, parameter.Secret),
            null => new(null, ParameterValueSource.Missing, parameter.Secret),
            _ when IsGenerated(parameter) => new(null, ParameterValueSource.Missing, parameter.Secret),
            var constant => new(constant.GetDefaultValue(), ParameterValueSource.Default, parameter.Secret),
        };
    }

    /// <summary>Whether Aspire generates the value on the first run (a generated secret such as an API key).</summary>
    public static bool IsGenerated(ParameterResource parameter) => Generation(parameter) is not null;

    /// <summary>The generation rule behind a parameter, or null when its value is not generated.</summary>
    public static GenerateParameterDefault? Generation(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Default as GenerateParameterDefault
            ?? parameter.Annotations.OfType<GeneratedSecretAnnotation>().LastOrDefault()?.Generation;
    }
}

/// <summary>Marks a parameter whose value Aspire generates (and keeps in user secrets) on the first run.</summary>
/// <param name="Generation">How the value is generated.</param>
public sealed record GeneratedSecretAnnotation(GenerateParameterDefault Generation) : IResourceAnnotation;
