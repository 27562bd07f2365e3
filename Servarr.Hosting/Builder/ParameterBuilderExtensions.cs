using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Parameters: values from configuration, with defaults or generated secrets.</summary>
public static class ParameterBuilderExtensions
{
    /// <summary>
    /// Adds a parameter read from configuration <c>Parameters:&lt;name&gt;</c>. Without a default it is required
    /// when the stack runs.
    /// </summary>
    /// <example>
    /// <code>
    /// var claim = builder.AddParameter("plex-claim", secret: true);
    /// var tz = builder.AddParameter("tz", defaultValue: "Etc/UTC");
    /// </code>
    /// </example>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name,
        bool secret = false, string? defaultValue = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var @default = defaultValue is null ? null : new ConstantParameterDefault(defaultValue);
        return builder.AddResource(new ParameterResource(name, secret, @default, description));
    }

    /// <summary>Adds a parameter with an explicit default: a <see cref="ConstantParameterDefault"/> or a <see cref="GenerateParameterDefault"/>.</summary>
    /// <example><code>var key = builder.AddParameter("gluetun-api-key", new GenerateParameterDefault(22), secret: true);</code></example>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name,
        ParameterDefault @default, bool secret, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(@default);
        return builder.AddResource(new ParameterResource(name, secret, @default, description));
    }

    /// <summary>
    /// Adds a secret parameter whose value, when configuration has none, is generated once and kept in the
    /// AppHost's user-secrets, so it stays the same across runs (API keys).
    /// </summary>
    /// <example><code>var sonarrKey = builder.AddGeneratedSecret("sonarr-api-key");</code></example>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name,
        int length = 32, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new ParameterResource(name, secret: true, new GenerateParameterDefault(length), description));
    }

    /// <summary>
    /// Adds a folder parameter that, in run mode only and when configuration has none, is <paramref name="developmentFolder"/>
    /// under the AppHost's directory, created on first run with <paramref name="subfolders"/>. Publishing keeps it a
    /// parameter for the real host, filled with <paramref name="publishedValue"/> when configuration has none.
    /// </summary>
    /// <example>
    /// <code>
    /// var mediaRoot = builder.AddFolderParameter("media-root", ".servarr/data", "/srv/media", "Library and downloads", "media/tv", "media/movies");
    /// </code>
    /// </example>
    public static IResourceBuilder<ParameterResource> AddFolderParameter(this IDistributedApplicationBuilder builder, string name,
        string developmentFolder, string? publishedValue = null, string? description = null, params string[] subfolders)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(developmentFolder);
        if (publishedValue is not null && !publishedValue.StartsWith('/'))
        {
            throw new ArgumentException($"Parameter '{name}': the published value '{publishedValue}' must be an absolute path on the host, e.g. /srv/media.", nameof(publishedValue));
        }

        var path = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, developmentFolder));
        return builder.AddResource(new ParameterResource(name, secret: false, new DevelopmentParameterDefault(path, subfolders, publishedValue), description));
    }
}
