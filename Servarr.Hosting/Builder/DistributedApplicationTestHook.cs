namespace Servarr.Hosting;

/// <summary>
/// Lets tests run an AppHost's real <c>Program.cs</c> in-process: see the built application, and optionally skip
/// what <c>RunAsync</c> would do. Flows with the async context, so parallel tests do not see each other's hooks.
/// </summary>
internal sealed class DistributedApplicationTestHook
{
    private static readonly AsyncLocal<DistributedApplicationTestHook?> s_current = new();

    public static DistributedApplicationTestHook? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>Adjusts the options <c>CreateBuilder(args)</c> uses.</summary>
    public Func<DistributedApplicationOptions, DistributedApplicationOptions>? ConfigureOptions { get; init; }

    /// <summary>Sees the application when <c>Build()</c> is called.</summary>
    public Action<DistributedApplication>? OnBuilt { get; init; }

    /// <summary>Where <c>RunAsync</c> writes its output instead of the console.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where <c>RunAsync</c> writes errors instead of the console.</summary>
    public TextWriter? Error { get; init; }

    /// <summary>Cancels <c>RunAsync</c> (stands in for Ctrl+C).</summary>
    public CancellationToken RunCancellation { get; init; }

    /// <summary>When true, <c>RunAsync</c> returns 0 at once.</summary>
    public bool SkipRun { get; init; }

    /// <summary>
    /// Runs an AppHost's entry point with this hook in place (on the thread pool, so a long <c>run</c> can be awaited and
    /// cancelled) and returns its exit code; the previous hook is restored afterwards.
    /// </summary>
    public async Task<int> RunEntryPointAsync(System.Reflection.Assembly appHost, string[] args)
    {
        ArgumentNullException.ThrowIfNull(appHost);
        var entryPoint = appHost.EntryPoint ?? throw new ArgumentException($"{appHost.GetName().Name} has no entry point; pass the AppHost's assembly.", nameof(appHost));
        var previous = Current;
        Current = this;
        try
        {
            var result = await Task.Run(() => entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args])).ConfigureAwait(false);
            return result switch
            {
                Task<int> task => await task.ConfigureAwait(false),
                Task task => await Completed(task).ConfigureAwait(false),
                int code => code,
                _ => 0,
            };
        }
        finally
        {
            Current = previous;
        }
    }

    private static async Task<int> Completed(Task task)
    {
        await task.ConfigureAwait(false);
        return 0;
    }
}
