namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from outside the code: configuration key <c>Parameters:&lt;name&gt;</c> (appsettings.json,
/// <c>dotnet user-secrets</c>, environment variable <c>Parameters__&lt;name&gt;</c>), a default, or a generated secret.
/// Declaring one reads nothing; values are resolved when the stack runs or is published.
/// </summary>
/// <example>
/// <code>
/// var tz = builder.AddParameter("tz", defaultValue: "Etc/UTC");
/// var vpnKey = builder.AddParameter("wireguard-private-key", secret: true);
/// </code>
/// </example>
public sealed class ParameterResource : Resource, IValueReference
{
    /// <summary>Creates a parameter.</summary>
    public ParameterResource(string name, bool secret, ParameterDefault? @default, string? description = null)
        : base(name)
    {
        Secret = secret;
        Default = @default;
        Description = description;
    }

    /// <summary>True when the value must never be written to a published file, a log or the dashboard.</summary>
    public bool Secret { get; }

    /// <summary>The value used when configuration has none, or null when the parameter is required.</summary>
    public ParameterDefault? Default { get; }

    /// <summary>A one-line explanation shown in <c>.env</c> comments and errors.</summary>
    public string? Description { get; }

    /// <summary>The configuration key the value is read from.</summary>
    public string ConfigurationKey => $"Parameters:{Name}";

    /// <summary>
    /// The value configuration holds while the model is built, else the constant default, else null — for the few
    /// choices made at build time (tunnel mode, whether alerts are configured); a generated value is never read here.
    /// </summary>
    /// <example><code>var mode = tunnelMode.Resource.BuildTimeValue(builder.Configuration) ?? "remote";</code></example>
    public string? BuildTimeValue(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConfigurationKey] ?? (Default as ConstantParameterDefault)?.Value;
    }

    /// <summary>The environment variable that sets the value in run mode.</summary>
    public string EnvironmentVariableName => $"Parameters__{Name}";

    IResource IValueReference.Owner => this;
}
