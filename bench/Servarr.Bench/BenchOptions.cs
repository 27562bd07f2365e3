using System.Globalization;

namespace Servarr.Bench;

/// <summary>The command line: sizes, runs, warm-up runs, or one cold pass.</summary>
internal sealed record BenchOptions(int[] Sizes, int Runs, int Warmup, bool Cold)
{
    public static BenchOptions? Parse(string[] args)
    {
        var cold = args.Contains("--cold");
        int[] sizes = cold ? [40] : [1000, 2000];
        var runs = 9;
        var warmup = 3;
        for (var i = 0; i < args.Length; i++)
        {
            var next = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--cold":
                    break;
                case "--sizes" when next is not null:
                    var parsed = next.Split(',').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);
                    sizes = [.. parsed];
                    i++;
                    break;
                case "--runs" when int.TryParse(next, out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                case "--warmup" when int.TryParse(next, out var w) && w >= 0:
                    warmup = w;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return sizes.Length == 0 || sizes.Any(s => s < 8) ? null : new(sizes, runs, warmup, cold);
    }
}
