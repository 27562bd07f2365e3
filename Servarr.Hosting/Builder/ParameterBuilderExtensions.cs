using Aspire.Hosting.Publishing;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Servarr's parameter shapes on top of Aspire's <c>AddParameter</c>: generated secrets and host folders.</summary>
public static class ParameterBuilderExtensions
{
    /// <summary>
    /// A secret Servarr generates (hex, <paramref name="length"/> characters) when none is configured: Aspire keeps it in
    /// the AppHost's user secrets on the first run; published files ask for it (compose's <c>.env</c> says how to make one).
    /// </summary>
    /// <example><code>var apiKey = builder.AddGeneratedSecret("sonarr-api-key");</code></example>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name,
        int length = 32, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var generated = new GenerateParameterDefault { MinLength = Math.Max(length, 8), Lower = true, Upper = false, Numeric = true, Special = false };
        var parameter = builder.AddParameter(name, generated, secret: true, persist: true)
            .WithAnnotation(new GeneratedSecretAnnotation(generated));
        if (length < 8)
        {
            InputChecks.Refuse(parameter, $"AddGeneratedSecret({InputChecks.Quote(name)}, {length})",
                "a generated secret of fewer than 8 characters is guessable; pass length: 8 or more (the default is 32), or leave it out");
        }

        return description is null ? parameter : parameter.WithDescription(description);
    }

    /// <summary>
    /// An optional parameter: empty unless set, so what uses it is off (a feature) rather than waiting for it; compose's
    /// <c>.env</c> marks it optional. Works for secrets too (Aspire publishes no default for a secret).
    /// </summary>
    /// <example><code>var claim = builder.AddOptionalParameter("plex-claim", secret: true).WithDescription("Plex claim token");</code></example>
    public static IResourceBuilder<ParameterResource> AddOptionalParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddParameter(name, new OptionalParameterDefault(), secret, persist: false);
    }

    /// <summary>
    /// A host folder parameter. Unset, <c>dotnet run</c> uses <paramref name="developmentFolder"/> (relative to the
    /// AppHost, created with <paramref name="subfolders"/> on first run) and published files use
    /// <paramref name="publishedValue"/>, the usual place on a server.
    /// </summary>
    /// <example>
    /// <code>
    /// var media = builder.AddFolderParameter("media-root", ".servarr/data", "/srv/media", "Library and downloads", "media/tv", "torrents");
    /// </code>
    /// </example>
    public static IResourceBuilder<ParameterResource> AddFolderParameter(this IDistributedApplicationBuilder builder, string name,
        string developmentFolder, string? publishedValue = null, string? description = null, params string[] subfolders)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(developmentFolder);
        var relativePublished = publishedValue is not null && !publishedValue.StartsWith('/');
        var path = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, string.IsNullOrWhiteSpace(developmentFolder) ? ".servarr" : developmentFolder));
        var @default = new DevelopmentParameterDefault(path, subfolders, relativePublished ? null : publishedValue, builder.ExecutionContext.IsRunMode);
        var parameter = builder.AddParameter(name, @default, secret: false, persist: false);
        var call = $"AddFolderParameter({InputChecks.Quote(name)}, {InputChecks.Quote(developmentFolder)}, {InputChecks.Quote(publishedValue)})";
        if (string.IsNullOrWhiteSpace(developmentFolder))
        {
            InputChecks.Refuse(parameter, call, "the development folder is empty; pass a folder under the AppHost, e.g. \".servarr/data\"");
        }

        if (relativePublished)
        {
            InputChecks.Refuse(parameter, call, $"the published value {InputChecks.Quote(publishedValue)} is not an absolute path on the server; pass e.g. \"/srv/media\"");
        }

        return description is null ? parameter : parameter.WithDescription(description);
    }
}

/// <summary>
/// The default of a folder parameter: a development folder under the AppHost in run mode, the server path
/// (<see cref="PublishedValue"/>) in published files.
/// </summary>
public sealed class DevelopmentParameterDefault : ParameterDefault
{
    private readonly bool _isRunMode;

    /// <summary>Creates the default; <paramref name="path"/> is absolute.</summary>
    public DevelopmentParameterDefault(string path, IReadOnlyList<string> subfolders, string? publishedValue, bool isRunMode)
    {
        Path = !string.IsNullOrWhiteSpace(path) && System.IO.Path.IsPathRooted(path)
            ? path : throw new ArgumentException("A development default is an absolute path.", nameof(path));
        Subfolders = subfolders ?? [];
        PublishedValue = publishedValue;
        _isRunMode = isRunMode;
    }

    /// <summary>The development folder (absolute).</summary>
    public string Path { get; }

    /// <summary>Folders created inside it on first run, e.g. <c>media/tv</c>.</summary>
    public IReadOnlyList<string> Subfolders { get; }

    /// <summary>The value published files use when the parameter is unset, e.g. <c>/srv/media</c>.</summary>
    public string? PublishedValue { get; }

    /// <inheritdoc />
    public override string GetDefaultValue() =>
        _isRunMode ? Path : PublishedValue ?? throw new MissingParameterValueException("no value and no published default");

    /// <inheritdoc />
    public override void WriteToManifest(ManifestPublishingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PublishedValue is not null)
        {
            context.Writer.WriteString("value", PublishedValue);
        }
    }
}

/// <summary>The default of an optional parameter: empty.</summary>
public sealed class OptionalParameterDefault : ParameterDefault
{
    /// <inheritdoc />
    public override string GetDefaultValue() => "";

    /// <inheritdoc />
    public override void WriteToManifest(ManifestPublishingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Writer.WriteString("value", "");
    }
}
