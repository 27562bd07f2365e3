using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The little the builder must know from the command line before Program.cs declares resources: run or
/// publish, and Aspire's <c>--publisher</c>/<c>--output-path</c> switches as configuration
/// (<c>Publishing:Publisher</c>, <c>Publishing:OutputPath</c>). The full parse is the CLI's.
/// </summary>
internal sealed record CommandLineSwitches(DistributedApplicationOperation Operation, Dictionary<string, string?> ConfigurationValues)
{
    public static CommandLineSwitches Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var publish = args.Count > 0 && args[0] == "publish";
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            var key = name switch
            {
                "--publisher" => "Publishing:Publisher",
                "--output-path" => "Publishing:OutputPath",
                _ => null,
            };
            if (key is null)
            {
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            values[key] = value;
            publish |= key == "Publishing:Publisher";
        }

        return new(publish ? DistributedApplicationOperation.Publish : DistributedApplicationOperation.Run, values);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
