using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Resolves parameter values: configuration first, then the default. In run mode a generated secret with no
/// value yet is created and saved to user-secrets, once (kept in memory only when the AppHost has no user-secrets
/// id); in publish mode nothing is generated or saved.
/// </summary>
public sealed class ParameterValues
{
    private readonly IConfiguration _configuration;
    private readonly UserSecretsStore? _store;
    private readonly bool _mayGenerate;
    private readonly ConcurrentDictionary<string, ParameterValue> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver. <paramref name="store"/> may be null when the AppHost has no user-secrets id.</summary>
    public ParameterValues(IConfiguration configuration, DistributedApplicationExecutionContext executionContext, UserSecretsStore? store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(executionContext);
        _configuration = configuration;
        _store = store;
        _mayGenerate = executionContext.IsRunMode;
    }

    /// <summary>Resolves <paramref name="parameter"/>; the result is cached for the life of this resolver.</summary>
    public ParameterValue Resolve(ParameterResource parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (_cache.TryGetValue(parameter.Name, out var cached))
        {
            return cached;
        }

        var value = ResolveUncached(parameter);
        _cache[parameter.Name] = value;
        return value;
    }

    /// <summary>
    /// Sets <paramref name="parameter"/> to <paramref name="value"/> while the stack runs: kept in the AppHost's user-secrets
    /// (when it has them) and used from now on by this resolver.
    /// </summary>
    public ParameterValue Provide(ParameterResource parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        _store?.Set(parameter.ConfigurationKey, value);
        var provided = new ParameterValue(value, ParameterValueSource.Entered, parameter.Secret);
        _cache[parameter.Name] = provided;
        return provided;
    }

    private ParameterValue ResolveUncached(ParameterResource parameter)
    {
        var configured = _configuration[parameter.ConfigurationKey];
        if (configured is not null)
        {
            return new(configured, ParameterValueSource.Configuration, parameter.Secret);
        }

        switch (parameter.Default)
        {
            case ConstantParameterDefault constant:
                return new(constant.Value, ParameterValueSource.Default, parameter.Secret);
            case DevelopmentParameterDefault development when _mayGenerate:
                return new(development.Path, ParameterValueSource.Development, parameter.Secret);
            case DevelopmentParameterDefault { PublishedValue: { } published }:
                return new(published, ParameterValueSource.Default, parameter.Secret);
            case GenerateParameterDefault generate when _mayGenerate:
                var created = Generate(generate);
                _store?.Set(parameter.ConfigurationKey, created);
                return new(created, ParameterValueSource.Generated, parameter.Secret);
            default:
                return new(null, ParameterValueSource.Missing, parameter.Secret);
        }
    }

    /// <summary>A random value: lowercase hexadecimal (what the *arr apps use for keys), or with punctuation.</summary>
    internal static string Generate(GenerateParameterDefault generate)
    {
        const string hex = "0123456789abcdef";
        const string special = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";
        return RandomNumberGenerator.GetString(generate.Special ? special : hex, generate.MinLength);
    }
}
