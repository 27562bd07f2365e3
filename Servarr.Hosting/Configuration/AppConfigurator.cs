using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Configuration;

/// <summary>Whether a pass only reads (the drift check) or also applies what differs.</summary>
public enum ConfigurationMode
{
    /// <summary>Read and compare; change nothing.</summary>
    Check,

    /// <summary>Read, compare, and apply what differs.</summary>
    Apply,
}

/// <summary>What a pass found for one item.</summary>
public enum ConfigurationOutcome
{
    /// <summary>The app matches the model.</summary>
    AsModelled,

    /// <summary>It differed and was applied.</summary>
    Applied,

    /// <summary>It differs (a check pass).</summary>
    Differs,

    /// <summary>Reading or applying failed; the detail is the app's error.</summary>
    Failed,

    /// <summary>Something outside the model is missing (<see cref="ConfigurationWaitException"/>); the detail says what to do.</summary>
    Waiting,
}

/// <summary>One item's result: <c>download client 'qbittorrent': applied (missing)</c>.</summary>
/// <param name="Item">The item, e.g. <c>download client 'qbittorrent'</c>.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">What differed, or the error; null when it matched.</param>
public sealed record ConfigurationResult(string Item, ConfigurationOutcome Outcome, string? Detail)
{
    /// <summary>Whether the item closes the app's setup wizard (<see cref="ConfigurationItem.EndsSetupWizard"/>).</summary>
    public bool EndsSetupWizard { get; init; }

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        ConfigurationOutcome.AsModelled => $"{Item}: as modelled",
        ConfigurationOutcome.Applied => $"{Item}: applied ({Detail})",
        ConfigurationOutcome.Differs => $"{Item}: differs ({Detail})",
        ConfigurationOutcome.Waiting => $"{Item}: waiting ({Detail})",
        _ => $"{Item}: failed: {Detail}",
    };
}

/// <summary>The results of one pass over an app's items.</summary>
/// <param name="Resource">The app.</param>
/// <param name="Results">One per item, in order.</param>
public sealed record ConfigurationReport(string Resource, IReadOnlyList<ConfigurationResult> Results)
{
    /// <summary>Whether no item failed.</summary>
    public bool Succeeded => Results.All(r => r.Outcome != ConfigurationOutcome.Failed);

    /// <summary>Whether an item waits for something outside the model (a pass later may get further).</summary>
    public bool Waiting => Results.Any(r => r.Outcome == ConfigurationOutcome.Waiting);

    /// <summary>Whether the app matches the model now (nothing failed, waits or still differs).</summary>
    public bool Matches => Results.All(r => r.Outcome is ConfigurationOutcome.AsModelled or ConfigurationOutcome.Applied);
}

/// <summary>
/// Runs configuration items: each is read and compared; in <see cref="ConfigurationMode.Apply"/> what differs is applied.
/// An item that fails (whatever the exception) is reported with its message and the others still run; no item is applied without a read
/// that found a difference, so a second pass over a configured app only reads.
/// </summary>
public static class AppConfigurator
{
    /// <summary>One pass over <paramref name="items"/> of <paramref name="resource"/>.</summary>
    /// <example><code>var report = await AppConfigurator.RunAsync("sonarr", items, ConfigurationMode.Apply, ct); // sonarr: download client 'qbittorrent': applied (missing)</code></example>
    public static Task<ConfigurationReport> RunAsync(string resource, IEnumerable<ConfigurationItem> items, ConfigurationMode mode,
        CancellationToken cancellationToken) => RunAsync(resource, items, mode, new SecretRedactor(), cancellationToken);

    /// <summary>One pass, with the secrets of <paramref name="secrets"/> removed from every detail it reports.</summary>
    /// <example><code>var report = await AppConfigurator.RunAsync("seerr", items, ConfigurationMode.Check, secrets, ct);</code></example>
    public static async Task<ConfigurationReport> RunAsync(string resource, IEnumerable<ConfigurationItem> items, ConfigurationMode mode,
        SecretRedactor secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<ConfigurationResult>();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await RunOneAsync(item, mode, cancellationToken).ConfigureAwait(false);
            results.Add(result with { Detail = result.Detail is null ? null : secrets.Redact(result.Detail), EndsSetupWizard = item.EndsSetupWizard });
        }

        return new ConfigurationReport(resource, results);
    }

    /// <summary>
    /// One pass over <paramref name="app"/>'s items (its <see cref="AppConfigurationAnnotation"/>s), with the app's API at
    /// <paramref name="baseAddress"/>: the report, the API calls it made and how long it took. Run mode and the
    /// <c>configure</c> step differ only in the address and where parameter values come from.
    /// </summary>
    /// <example><code>var pass = await AppConfigurator.RunAppAsync(sonarr, model, new Uri("http://127.0.0.1:8989/"), value, ConfigurationMode.Check, ct); // pass.Calls: "2 read(s), 0 write(s)"</code></example>
    public static Task<AppConfigurationPass> RunAppAsync(ContainerResource app, DistributedApplicationModel model, Uri baseAddress,
        Func<ParameterResource, CancellationToken, ValueTask<string?>> value, ConfigurationMode mode, CancellationToken cancellationToken) =>
        RunAppAsync(app, model, baseAddress, value, mode, configFolder: null, cancellationToken);

    /// <summary>One pass over <paramref name="app"/>'s items, with <paramref name="configFolder"/> telling where apps' config folders are on this machine.</summary>
    /// <example><code>await AppConfigurator.RunAppAsync(plex, model, url, value, ConfigurationMode.Apply, c => "/srv/servarr/config/" + c.Name, ct);</code></example>
    public static async Task<AppConfigurationPass> RunAppAsync(ContainerResource app, DistributedApplicationModel model, Uri baseAddress,
        Func<ParameterResource, CancellationToken, ValueTask<string?>> value, ConfigurationMode mode, Func<ContainerResource, string?>? configFolder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var calls = new CallCounter();
        var secrets = new SecretRedactor();
        using var http = new HttpClient(calls) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // Every secret the items read is remembered, so no reported detail can carry it (an app echoing a key in an error).
        async ValueTask<string?> Remembered(ParameterResource parameter, CancellationToken ct)
        {
            var found = await value(parameter, ct).ConfigureAwait(false);
            if (parameter.Secret)
            {
                secrets.Add(found);
            }

            return found;
        }

        var context = new AppConfigurationContext(app, model, http, Remembered)
        {
            ConfigFolder = configFolder ?? (_ => null), CountCall = write => calls.Count(write), RegisterSecret = secrets.Add,
        };
        var items = app.Annotations.OfType<AppConfigurationAnnotation>().SelectMany(a => a.Items(context)).ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = await RunAsync(app.Name, items, mode, secrets, cancellationToken).ConfigureAwait(false);
        return new AppConfigurationPass(report, calls, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private static async Task<ConfigurationResult> RunOneAsync(ConfigurationItem item, ConfigurationMode mode, CancellationToken cancellationToken)
    {
        try
        {
            var change = await item.CompareAsync(cancellationToken).ConfigureAwait(false);
            if (change is null)
            {
                return new ConfigurationResult(item.ToString(), ConfigurationOutcome.AsModelled, null);
            }

            if (mode == ConfigurationMode.Check)
            {
                return new ConfigurationResult(item.ToString(), ConfigurationOutcome.Differs, change.Description);
            }

            await change.ApplyAsync(cancellationToken).ConfigureAwait(false);
            return new ConfigurationResult(item.ToString(), ConfigurationOutcome.Applied, change.Description);
        }
        catch (ConfigurationWaitException waiting)
        {
            return new ConfigurationResult(item.ToString(), ConfigurationOutcome.Waiting, OneLine(waiting.Message));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure of one item — the app's refusal, no answer, a timeout, a bug in an integration — is that item's
            // result; the others still run and the app never stays half-way.
            return new ConfigurationResult(item.ToString(), ConfigurationOutcome.Failed, OneLine(exception.Message));
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>One pass over an app: its report, the API calls it made (reads, writes) and how long the items took.</summary>
/// <param name="Report">What each item came to.</param>
/// <param name="Calls">The calls, e.g. <c>2 read(s), 0 write(s)</c>.</param>
/// <param name="Elapsed">The time of the pass.</param>
public sealed record AppConfigurationPass(ConfigurationReport Report, CallCounter Calls, TimeSpan Elapsed);
