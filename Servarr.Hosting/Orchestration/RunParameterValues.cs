namespace Servarr.Hosting.Orchestration;

/// <summary>
/// A parameter's value while the stack runs: configuration first (appsettings, user secrets, environment — what run
/// preparation reads), else the value Aspire holds (entered in the dashboard, or generated on the first run, which asking
/// for it generates and keeps in user secrets). One lookup for run preparation, the restore command and the apps'
/// configuration.
/// </summary>
internal static class RunParameterValues
{
    /// <summary>The value, or null when neither has one before <paramref name="cancellationToken"/> fires (the caller's wait).</summary>
    /// <example><code>var key = await RunParameterValues.ValueAsync(values, sonarrApiKey, wait.Token); // null after the wait if nobody entered it</code></example>
    public static async ValueTask<string?> ValueAsync(ParameterValues values, ParameterResource parameter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(parameter);
        if (values.Resolve(parameter).Value is { } configured)
        {
            return configured;
        }

        try
        {
            return await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or MissingParameterValueException)
        {
            return null;
        }
    }
}
