using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting;

/// <summary>Runs the AppHost so that a known problem ends it with one line per problem and exit code 1, not a stack trace.</summary>
public static class ServarrRunExtensions
{
    /// <summary>
    /// Runs the app (run or publish mode) like <c>RunAsync</c>; a model problem found before anything starts or is written
    /// (e.g. <c>error: resource 'sonarr': ...</c>) or another Servarr error is printed to standard error, one line each,
    /// and the exit code is 1. Other failures propagate unchanged.
    /// </summary>
    /// <example>
    /// <code>
    /// return await builder.Build().RunServarrAsync();
    /// </code>
    /// </example>
    public static async Task<int> RunServarrAsync(this DistributedApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return Environment.ExitCode;
        }
        catch (Exception exception) when (Known(exception) is { } known)
        {
            foreach (var line in known.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await Console.Error.WriteLineAsync($"error: {line}").ConfigureAwait(false);
            }

            if (IsHostedByAnotherProgram(app))
            {
                // Aspire.Hosting.Testing runs Program.cs inside a test host and learns of a failure only from the exception.
                throw;
            }

            return 1;
        }
    }

    private static bool IsHostedByAnotherProgram(DistributedApplication app) =>
        Assembly.GetEntryAssembly()?.GetName().Name is { } entry
        && !string.Equals(entry, app.Services.GetRequiredService<IHostEnvironment>().ApplicationName, StringComparison.Ordinal);

    /// <summary>The Servarr mistake (<see cref="ModelValidationException"/>, <see cref="ServarrException"/>) in <paramref name="exception"/>'s chain, or null.</summary>
    internal static Exception? Known(Exception exception) => exception switch
    {
        ModelValidationException or ServarrException => exception,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Known).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Known(inner),
        _ => null,
    };
}
