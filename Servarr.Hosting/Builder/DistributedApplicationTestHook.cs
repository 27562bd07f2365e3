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
}
