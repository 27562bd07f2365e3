namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// One piece of an app's own configuration that the model implies — Sonarr's download client for the qBittorrent it
/// references, a root folder, a Prowlarr application — read back from the running app and, where it differs, applied
/// through the app's API. An integration makes its items (<see cref="AppConfigurationAnnotation"/>); Servarr compares
/// them when a resource is ready, on "Apply configuration" and in the drift check, and applies only what differs.
/// </summary>
/// <example>
/// <code>
/// sealed class RootFolder(ArrApi api, string path) : ConfigurationItem("root folder", path)
/// {
///     public override async Task&lt;ConfigurationChange?&gt; CompareAsync(CancellationToken cancellationToken) =>
///         (await api.RootFoldersAsync(cancellationToken)).Any(f =&gt; f.Path == path) ? null
///             : new ConfigurationChange("missing", ct =&gt; api.AddRootFolderAsync(path, ct));
/// }
/// </code>
/// </example>
public abstract class ConfigurationItem
{
    /// <summary>Names the item, e.g. kind <c>download client</c> and name <c>qbittorrent</c>.</summary>
    protected ConfigurationItem(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Kind = kind;
        Name = name;
    }

    /// <summary>What sort of setting it is, e.g. <c>download client</c>.</summary>
    public string Kind { get; }

    /// <summary>Which one, e.g. <c>qbittorrent</c> or <c>/data/media/tv</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the app's setup wizard (<see cref="SetupWizardAnnotation"/>) is closed once this item is done — Wizarr's
    /// admin account, Seerr's end of setup. An app with a wizard is healthy (so the tunnel opens) once these items are;
    /// its other items may still wait. When no item of the app says so, every item must be done.
    /// </summary>
    public virtual bool EndsSetupWizard => false;

    /// <summary>
    /// Reads the app (and only reads) and returns what differs from the model with the way to apply it, or null when the
    /// app already matches. A setting the app does not return (a password it masks) cannot differ here.
    /// </summary>
    public abstract Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{Name}'";
}

/// <summary>How an app differs from the model for one <see cref="ConfigurationItem"/>, and how to make it match.</summary>
/// <example><code>new ConfigurationChange("field 'tvCategory' is 'tv-sonarr', the model says 'tv'", ct =&gt; api.UpdateAsync(client, ct))</code></example>
public sealed class ConfigurationChange
{
    private readonly Func<CancellationToken, Task> _apply;

    /// <summary>Records the difference and its fix.</summary>
    public ConfigurationChange(string description, Func<CancellationToken, Task> apply)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(apply);
        Description = description;
        _apply = apply;
    }

    /// <summary>What differs, one line, no secret value: e.g. <c>missing</c>.</summary>
    public string Description { get; }

    /// <summary>Makes the app match the model (one or more API calls).</summary>
    public Task ApplyAsync(CancellationToken cancellationToken) => _apply(cancellationToken);
}

/// <summary>An app refused or failed a configuration call; the message is the app's own, with the setting it names.</summary>
/// <example><code>throw new ConfigurationException("POST /api/v3/rootfolder: 400 Path: Folder '/data/media/tv' does not exist");</code></example>
public sealed class ConfigurationException(string message) : Exception(message)
{
    /// <summary>
    /// An app's answer cut for an error message: one line, at most <paramref name="max"/> characters (then <c>…</c>).
    /// </summary>
    /// <example><code>throw new ConfigurationException($"{call}: {(int)response.StatusCode} {ConfigurationException.Excerpt(body)}");</code></example>
    public static string Excerpt(string text, int max = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : line[..max] + "…";
    }
}

/// <summary>
/// An item cannot be compared yet because something outside the model is missing — Plex not claimed, so no token for
/// the apps that call it. The pass reports it as <c>waiting</c> with this reason (what to do) and retries later; it is
/// not a failure, so the app stays healthy unless it shows a setup wizard (<see cref="SetupWizardAnnotation"/>).
/// </summary>
/// <example><code>throw new ConfigurationWaitException("Plex is not claimed yet; claim it at http://127.0.0.1:32400/web or set plex-token");</code></example>
public sealed class ConfigurationWaitException(string reason) : Exception(reason);
