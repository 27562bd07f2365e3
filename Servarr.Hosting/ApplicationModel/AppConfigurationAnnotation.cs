namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The configuration the model implies inside an app, as <see cref="ConfigurationItem"/>s an integration makes from the
/// resource's references and verbs. Servarr applies them when the resource is ready (run mode), on the dashboard's
/// "Apply configuration" command and with the <c>configure</c> step (a deployed compose stack), and the drift check
/// compares them without changing anything.
/// </summary>
/// <example>
/// <code>
/// sonarr.WithAnnotation(new AppConfigurationAnnotation(context =&gt; SonarrConfiguration.Items(context)));
/// </code>
/// </example>
public sealed class AppConfigurationAnnotation : IResourceAnnotation
{
    private readonly Func<AppConfigurationContext, IEnumerable<ConfigurationItem>> _items;

    /// <summary>Records the factory of the items.</summary>
    public AppConfigurationAnnotation(Func<AppConfigurationContext, IEnumerable<ConfigurationItem>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
    }

    /// <summary>The items for <paramref name="context"/>'s app, in the order they are applied.</summary>
    public IReadOnlyList<ConfigurationItem> Items(AppConfigurationContext context) => [.. _items(context)];
}

/// <summary>What an integration's configuration items need: the app, the model, a client for its API and parameter values.</summary>
/// <param name="Resource">The app being configured.</param>
/// <param name="Model">The whole model (its references, and what they point at).</param>
/// <param name="Http">An HTTP client whose base address is where Servarr reaches the app's <c>http</c> endpoint, e.g. <c>http://localhost:8989/</c>.</param>
/// <param name="Value">A parameter's value (secrets included) as the running stack has it, or null when it has none.</param>
public sealed record AppConfigurationContext(ContainerResource Resource, DistributedApplicationModel Model, HttpClient Http,
    Func<ParameterResource, CancellationToken, ValueTask<string?>> Value)
{
    /// <summary>
    /// The host folder of an app's config mount (<c>WithConfigMount</c>), where Servarr reads files the app writes itself
    /// (Plex's Preferences.xml); null when the app has none or it is not on this machine.
    /// </summary>
    /// <example><code>context.ConfigFolder(plex) // /srv/servarr/config/plex</code></example>
    public Func<ContainerResource, string?> ConfigFolder { get; init; } = _ => null;

    /// <summary>
    /// Counts a call to the app that does not go through <see cref="Http"/> (a Socket.IO event), as a write or a read, so
    /// the pass's figures include it.
    /// </summary>
    /// <example><code>context.CountCall(false); // asked needSetup</code></example>
    public Action<bool> CountCall { get; init; } = _ => { };

    /// <summary>
    /// Remembers a secret an item read outside the parameters (Plex's token from Preferences.xml), so no result of the
    /// pass shows it; secret parameters' values are remembered already.
    /// </summary>
    /// <example><code>context.RegisterSecret(token);</code></example>
    public Action<string> RegisterSecret { get; init; } = _ => { };

    /// <summary>The resources of type <typeparamref name="T"/> the app refers to (<c>WithReference</c>), each once.</summary>
    /// <example><code>context.References&lt;SonarrResource&gt;() // seerr.WithReference(sonarr)</code></example>
    public IEnumerable<T> References<T>() where T : IResource =>
        Resource.Annotations.OfType<ResourceReferenceAnnotation>().Select(r => r.Target).OfType<T>().Distinct();

    /// <summary>The API key of <paramref name="app"/> (its <see cref="ApiKeyAnnotation"/>'s parameter value), or null when it has none.</summary>
    /// <example><code>await context.ApiKeyAsync(sonarr, ct) // the value of sonarr-api-key</code></example>
    public ValueTask<string?> ApiKeyAsync(IResource app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Annotations.OfType<ApiKeyAnnotation>().LastOrDefault() is { } key ? Value(key.Key, cancellationToken) : ValueTask.FromResult<string?>(null);
    }
}
