using System.CommandLine;
using Servarr.Hosting.ApplicationModel;
using Spectre.Console;

namespace Servarr.Hosting.Cli;

/// <summary>
/// <c>params</c> (alias <c>secrets</c>): every parameter with its status and where its value comes from, secrets masked;
/// <c>--set name=value</c> writes values to the AppHost's user-secrets; <c>--reveal name</c> prints one value (e.g. a
/// generated API key to paste into an app); on a terminal with values missing, it offers to ask for them.
/// </summary>
internal static class ParamsCommand
{
    public static Command Create(DistributedApplication application, TextWriter output, Func<IAnsiConsole?>? terminal = null)
    {
        var set = new Option<string[]>("--set")
        {
            Description = "Save a value to the AppHost's user-secrets: --set wireguard-private-key=<key> (repeatable).",
            HelpName = "name=value",
        };
        var reveal = new Option<string?>("--reveal") { Description = "Print the value of one parameter (generated on first use, like run does).", HelpName = "name" };
        var command = new Command("params", "List every parameter: set, default, generated or missing, and where the value comes from (secrets masked); set missing ones.")
        {
            set,
            reveal,
        };
        command.Aliases.Add("secrets");
        command.SetAction((result, token) => ParamsAsync(application, result.GetValue(set) ?? [], result.GetValue(reveal), output,
            (terminal ?? (() => InteractiveTerminal(output)))(), token));
        return command;
    }

    /// <summary>The real console when a person is at it: output to the console itself, neither stream redirected, not CI.</summary>
    private static IAnsiConsole? InteractiveTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsInputRedirected && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? AnsiConsole.Console : null;

    private static async Task<int> ParamsAsync(DistributedApplication application, IReadOnlyList<string> sets, string? reveal, TextWriter output,
        IAnsiConsole? terminal, CancellationToken cancellationToken)
    {
        var builder = application.Builder;
        var model = application.Model;
        ParameterResource Find(string name) => model.Parameters.FirstOrDefault(p => p.Name == name)
            ?? throw new ServarrException($"parameter '{name}' is not in this AppHost; `params` lists them: {string.Join(", ", model.Parameters.Select(p => p.Name))}");

        if (reveal is not null)
        {
            var values = new ParameterValues(builder.Configuration, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), builder.UserSecrets);
            var value = values.Resolve(Find(reveal)).Value ?? throw new ServarrException($"parameter '{reveal}' has no value yet; set it with --set {reveal}=<value>");
            await output.WriteLineAsync(value.AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var entered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in sets)
        {
            var at = assignment.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ServarrException($"--set '{assignment}' is not name=value; write it like --set wireguard-private-key=<key>");
            }

            entered[Find(assignment[..at]).Name] = assignment[(at + 1)..];
        }

        var rows = ParameterInventory.Read(model, builder.Configuration);
        if (entered.Count == 0 && terminal is not null && rows.Any(IsNeeded))
        {
            await output.WriteAsync(Render(rows).AsMemory(), cancellationToken).ConfigureAwait(false);
            Ask(terminal, rows.Where(IsNeeded), entered);
        }

        if (entered.Count > 0)
        {
            var store = builder.UserSecrets ?? throw new ServarrException(
                "this AppHost has no UserSecretsId, so values cannot be saved; add <UserSecretsId> to its .csproj or set them as environment variables (Parameters__<name>)");
            foreach (var (name, value) in entered)
            {
                store.Set(Find(name).ConfigurationKey, value);
                await output.WriteLineAsync($"saved {name} to user-secrets ({store.FilePath})").ConfigureAwait(false);
            }

            rows = ParameterInventory.Read(model, builder.Configuration, entered);
        }

        await output.WriteAsync(Render(rows).AsMemory(), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Missing and used by some container (an unused one, e.g. <c>tunnel-id</c> in remote mode, holds nothing back).</summary>
    private static bool IsNeeded(ParameterStatusRow row) => row.Status == ParameterStatus.Missing && row.UsedBy.Count > 0;

    /// <summary>Asks for each missing value on the terminal (secret input hidden); an empty answer skips it.</summary>
    private static void Ask(IAnsiConsole terminal, IEnumerable<ParameterStatusRow> missing, Dictionary<string, string> entered)
    {
        if (!terminal.Confirm("Enter the missing values now? (empty skips one)", defaultValue: true))
        {
            return;
        }

        foreach (var row in missing)
        {
            var prompt = new TextPrompt<string>($"{Markup.Escape(row.Parameter.Name)} [grey]({Markup.Escape(row.Parameter.Description ?? "no description")})[/]:")
                .AllowEmpty();
            var value = terminal.Prompt(row.Parameter.Secret ? prompt.Secret() : prompt);
            if (!string.IsNullOrEmpty(value))
            {
                entered[row.Parameter.Name] = value;
            }
        }
    }

    /// <summary>The listing: one aligned line per parameter, then what to do about the missing ones.</summary>
    internal static string Render(IReadOnlyList<ParameterStatusRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string Status(ParameterStatusRow r) => r.Status switch
        {
            ParameterStatus.NotGeneratedYet => "generated on first run",
            ParameterStatus.Development => "development folder",
            _ => r.Status.ToString().ToLowerInvariant(),
        };
        var table = rows.Select(r => new[]
        {
            r.Parameter.Name + (r.Parameter.Secret ? " (secret)" : ""), Status(r), r.From, r.Shown,
            r.UsedBy.Count == 0 ? "" : string.Join(", ", r.UsedBy),
        }).Prepend(["PARAMETER", "STATUS", "FROM", "VALUE", "USED BY"]).ToList();
        var widths = Enumerable.Range(0, 5).Select(i => table.Max(cells => cells[i].Length)).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var cells in table)
        {
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        }

        var missing = rows.Where(IsNeeded).ToList();
        text.AppendLine(missing.Count == 0
            ? "Nothing missing."
            : $"{missing.Count} missing; what uses them waits (optional features are off). Set one with: dotnet run --project Servarr.AppHost -- params --set {missing[0].Parameter.Name}=<value>");
        return text.ToString();
    }
}
