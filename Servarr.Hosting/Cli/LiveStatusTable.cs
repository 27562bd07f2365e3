using System.Globalization;
using Servarr.Hosting.Orchestration;
using Spectre.Console;

namespace Servarr.Hosting.Cli;

/// <summary>
/// The run's status on a terminal: one Spectre.Console table, redrawn in place as states change — resource, state,
/// health, clickable endpoint URLs, restarts, and why a resource waits or failed.
/// </summary>
internal static class LiveStatusTable
{
    /// <summary>How often the table is redrawn at most.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether the live table suits <paramref name="output"/>: the real console, not redirected, not CI, no console output mixed in.</summary>
    public static bool Suits(TextWriter output, bool showLogs) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !showLogs
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>
    /// The table for <paramref name="state"/>, rows in <paramref name="order"/> (the start plan's order); <paramref name="note"/>
    /// gives a resource's details when it has no reason of its own (e.g. its optional features that are off).
    /// </summary>
    public static Table Build(RunState state, IReadOnlyList<string> order, Func<string, string?>? note = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Resource").AddColumn("State").AddColumn("Health")
            .AddColumn(new TableColumn("Endpoints").NoWrap()) // a wrapped URL is not clickable
            .AddColumn(new TableColumn("Restarts").RightAligned())
            .AddColumn("Details");
        foreach (var snapshot in order.Select(state.Get))
        {
            table.AddRow(
                new Markup(Markup.Escape(snapshot.Name)),
                new Markup($"[{Colour(snapshot)}]{snapshot.State}[/]"),
                new Markup(Markup.Escape(snapshot.Health ?? "")),
                new Markup(string.Join('\n', (snapshot.Urls ?? []).Select(u => $"[link={Markup.Escape(u)}]{Markup.Escape(u)}[/]"))),
                new Markup(snapshot.Restarts.ToString(CultureInfo.InvariantCulture)),
                new Markup($"[grey]{Markup.Escape(snapshot.Reason ?? note?.Invoke(snapshot.Name) ?? "")}[/]"));
        }

        return table;
    }

    /// <summary>Shows the table on <paramref name="console"/> and redraws it on every change until <paramref name="cancellationToken"/> fires; the last picture stays.</summary>
    public static Task ShowAsync(IAnsiConsole console, RunState state, IReadOnlyList<string> order, CancellationToken cancellationToken,
        Func<string, string?>? note = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(state);
        return console.Live(Build(state, order, note)).AutoClear(false).StartAsync(async context =>
        {
            var changed = 1;
            void OnChange(ResourceSnapshot _) => Interlocked.Exchange(ref changed, 1);
            state.Changed += OnChange;
            try
            {
                while (true)
                {
                    if (Interlocked.Exchange(ref changed, 0) == 1)
                    {
                        context.UpdateTarget(Build(state, order, note));
                        context.Refresh();
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    await Task.Delay(RefreshInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            finally
            {
                state.Changed -= OnChange;
            }
        });
    }

    private static string Colour(ResourceSnapshot snapshot) => snapshot.State switch
    {
        ResourceState.Running => "green",
        ResourceState.Starting or ResourceState.Waiting or ResourceState.NotStarted => "yellow",
        ResourceState.Finished => "grey",
        _ => "red",
    };
}
